//! The code's shape, kept: the README's map names every file of `src/`,
//! and no two files of `src/` import each other, directly or through a
//! circle (a module's file and its children's included: a child imports
//! its siblings, not its parent's re-exports).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `.rs` file under `src/`, as `src/...`.
fn source_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(ROOT).join("src"), &mut files);
    let mut names: Vec<String> =
        files.iter().map(|p| p.strip_prefix(ROOT).unwrap().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn the_readme_maps_every_source_file() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let layout = readme.split("## Layout").nth(1).expect("README has a Layout section");
    let rows: Vec<&str> = layout.lines().filter(|l| l.starts_with("| `")).collect();
    for file in source_files() {
        let named = format!("`{file}`");
        assert!(
            rows.iter().any(|row| row.split(" | ").next().unwrap_or_default().contains(&named)),
            "README's Layout has no row for {file}"
        );
    }
}

/// A file's module path: `src/web/state.rs` is `web::state`, `src/web/mod.rs` is `web`.
fn module_of(file: &str) -> Vec<String> {
    let path = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = path.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The paths a `use` tree names in full: `a::{b, c::{d, e}}` is `a::b`,
/// `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or_default().trim().to_owned()];
    };
    let prefix = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(expand)
        .map(|rest| if rest == "self" { prefix.to_owned() } else { format!("{prefix}::{rest}") })
        .collect()
}

/// `code` without its inline modules (`mod tests { ... }`), whose
/// `super` is the file itself.
fn without_inline_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("mod ") {
        let line_start = rest[..at].rfind('\n').map_or(0, |n| n + 1);
        let head = &rest[at..];
        let opens = head.find(['{', ';']).map(|i| (i, head.as_bytes()[i]));
        let is_block =
            rest[line_start..at].trim().trim_start_matches("pub").trim().is_empty() && matches!(opens, Some((_, b'{')));
        if !is_block {
            out.push_str(&rest[..at + 4]);
            rest = &rest[at + 4..];
            continue;
        }
        out.push_str(&rest[..at]);
        let (open, _) = opens.unwrap();
        let mut depth = 0;
        let mut end = head.len();
        for (i, c) in head[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &head[end..];
    }
    out.push_str(rest);
    out
}

/// The files of `src/` that `file` imports: every `use` and every
/// `crate::`/`super::` path outside its inline test module.
fn imports(file: &str, modules: &BTreeMap<Vec<String>, String>) -> BTreeSet<String> {
    let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let code = without_inline_modules(&code);
    let here = module_of(file);
    let mut paths: Vec<String> = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let tree = statement.strip_prefix("pub use ").or_else(|| statement.strip_prefix("use "));
        if let Some(tree) = tree
            .or_else(|| statement.split_once("\npub use ").map(|(_, t)| t))
            .or_else(|| statement.split_once("\nuse ").map(|(_, t)| t))
        {
            paths.extend(expand(tree));
        }
    }
    let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).collect();
    paths.extend(words.iter().filter(|w| w.starts_with("crate::") || w.starts_with("super::")).map(|w| w.to_string()));
    let mut found = BTreeSet::new();
    for path in paths {
        let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        let mut full: Vec<String> = match parts.first() {
            Some(&"crate") => {
                parts.remove(0);
                Vec::new()
            }
            Some(&"super") => {
                let mut base = here.clone();
                while parts.first() == Some(&"super") {
                    parts.remove(0);
                    base.pop();
                }
                base
            }
            Some(&"self") => {
                parts.remove(0);
                here.clone()
            }
            // `use child::...` in a module's own file.
            Some(first) if modules.contains_key(&[here.clone(), vec![first.to_string()]].concat()) => here.clone(),
            _ => continue,
        };
        full.extend(parts.iter().map(|p| p.to_string()));
        let target = (0..=full.len()).rev().find_map(|n| modules.get(&full[..n]));
        if let Some(target) = target.filter(|t| *t != file) {
            found.insert(target.clone());
        }
    }
    found
}

#[test]
fn no_two_source_files_import_each_other() {
    let files = source_files();
    let modules: BTreeMap<Vec<String>, String> =
        files.iter().filter(|f| !f.ends_with("main.rs")).map(|f| (module_of(f), f.clone())).collect();
    let graph: BTreeMap<String, BTreeSet<String>> = files.iter().map(|f| (f.clone(), imports(f, &modules))).collect();
    // A circle: a file that reaches itself.
    for start in &files {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, trail)) = stack.pop() {
            for next in &graph[&at] {
                if next == start {
                    panic!("files import each other: {} -> {start}", trail.join(" -> "));
                }
                if seen.insert(next.clone()) {
                    stack.push((next.clone(), [trail.clone(), vec![next.clone()]].concat()));
                }
            }
        }
    }
}

#[test]
fn a_use_tree_is_read_in_full() {
    assert_eq!(
        expand("crate::web::{errors::PageError, state::{self, AppState}}"),
        ["crate::web::errors::PageError", "crate::web::state", "crate::web::state::AppState"]
    );
}
