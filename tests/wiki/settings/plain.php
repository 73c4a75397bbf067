<?php // No authentication extension: the API docs' Example 1.
