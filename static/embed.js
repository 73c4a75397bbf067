// The portal's sign-up form on an event site's page, in one line:
//   <div data-wikisignup data-returnto="Wikipedia:Meetup/Paris"></div>
//   <script src="https://signup.example.org/embed.js" async></script>
// (an event's page: its own embed.js, https://signup.example.org/e/SLUG/embed.js).
// Each [data-wikisignup] element gets a frame of the portal's form; the
// frame's height follows its content, and the element fires
// `wikisignup:created` (detail: { username }) once an account exists.
// Messages are taken from the portal's origin and its frames only.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL) return;
  var scriptUrl = new URL(script.src, window.location.href);
  var portal = scriptUrl.origin;
  // The sign-up page beside the script: the portal's own, or an event's.
  var page = new URL(".", scriptUrl);
  var frames = [];

  function mount(host) {
    if (host.dataset.wikisignupMounted) return;
    host.dataset.wikisignupMounted = "1";
    var src = new URL(page.href);
    if (host.dataset.returnto) src.searchParams.set("returnto", host.dataset.returnto);
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = host.dataset.title || "Create an account";
    frame.style.cssText = "display:block;width:100%;max-width:36rem;height:40rem;border:0;";
    host.appendChild(frame);
    frames.push({ frame: frame, host: host });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== portal || !event.data || typeof event.data !== "object") return;
    frames.forEach(function (entry) {
      if (entry.frame.contentWindow !== event.source) return;
      if (event.data.type === "wikisignup:height" && isFinite(event.data.height)) {
        entry.frame.style.height = Math.max(120, Math.ceil(event.data.height)) + "px";
      } else if (event.data.type === "wikisignup:created") {
        var detail = { username: String(event.data.username) };
        entry.host.dispatchEvent(new CustomEvent("wikisignup:created", { bubbles: true, detail: detail }));
      }
    });
  });

  function mountAll() { document.querySelectorAll("[data-wikisignup]").forEach(mount); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
