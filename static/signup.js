// Progressive enhancement only: every page works without this script.
// While a sign-up is being sent, the buttons say so and cannot be pressed
// twice (a second press would be a second submission to the wiki). While
// the form is filled in, advice appears under its fields (adviseWhileTyping).
document.addEventListener("DOMContentLoaded", function () {
  document.documentElement.classList.add("js");
  var notice = document.getElementById("notice");
  // The field a refusal is about takes the focus (its box says why, through
  // aria-describedby); otherwise the notice itself is read first.
  var inError = document.querySelector("[aria-invalid=true][autofocus]");
  if (inError) inError.focus();
  else if (notice) notice.focus();
  document.querySelectorAll("form.signup").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) { event.preventDefault(); return; }
      form.dataset.sending = "1";
      var pressed = event.submitter;
      if (pressed && pressed.name) {
        // A disabled button is not posted: carry its value in a hidden field.
        var carry = document.createElement("input");
        carry.type = "hidden"; carry.name = pressed.name; carry.value = pressed.value;
        carry.dataset.carried = "1";
        form.appendChild(carry);
      }
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      if (pressed) { pressed.dataset.label = pressed.textContent; pressed.textContent = form.dataset.wait || "\u2026"; }
      form.setAttribute("aria-busy", "true");
    });
  });
  adviseWhileTyping(document.querySelector("form.signup"));
  offerToShowPasswords(document.querySelector("form.signup"));
  refreshCaptchaInPlace(document.querySelector("form.signup"));
  if (window.parent !== window) tellTheFramingPage();
  // Coming back with the browser's back button: the buttons work again.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    document.querySelectorAll("form.signup").forEach(function (form) {
      delete form.dataset.sending;
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button").forEach(function (b) {
        b.disabled = false;
        if (b.dataset.label) { b.textContent = b.dataset.label; delete b.dataset.label; }
      });
      form.querySelectorAll("input[type=hidden][data-carried]").forEach(function (i) { i.remove(); });
    });
  });
});

// A "Show" button beside each password box, so that a person on a phone can
// check what they typed; it then says "Hide" (the wiki's words for both).
function offerToShowPasswords(form) {
  if (!form) return;
  form.querySelectorAll("input[type=password]").forEach(function (input) {
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "show-password";
    toggle.textContent = form.dataset.show;
    toggle.setAttribute("aria-controls", input.id);
    toggle.addEventListener("click", function () {
      var show = input.type === "password";
      input.type = show ? "text" : "password";
      toggle.textContent = show ? form.dataset.hide : form.dataset.show;
    });
    input.insertAdjacentElement("afterend", toggle);
  });
}

// As the wiki's own sign-up page does: while a username or a password is
// typed, ask the portal whether the wiki would take it, and say so under the
// field; and say when the two passwords differ, before the form is sent.
// Advisory only: nothing is blocked, and the wiki decides when the form is
// sent.
function adviseWhileTyping(form) {
  if (!form) return;
  var field = function (name) { return form.querySelector("input[name=" + name + "]"); };
  compareRetyped(field("password"), field("retype"), form.dataset.mismatch);
  if (!window.fetch || !window.URLSearchParams) return;
  advise(field("username"), function (name) {
    return fetch(form.dataset.base + "check-username?name=" + encodeURIComponent(name.trim()), { credentials: "same-origin" });
  });
  advise(field("password"), function (password) {
    var body = new URLSearchParams();
    ["wikisignup_csrf", "username", "email"].forEach(function (name) {
      if (field(name)) body.append(name, field(name).value);
    });
    body.append("password", password);
    return fetch(form.dataset.base + "check-password", { method: "POST", body: body, credentials: "same-origin" });
  });
}

// The note under `input` where advice is written, made on first use.
function noteFor(input) {
  var id = "c-" + input.name, note = document.getElementById(id);
  if (note) return note;
  note = document.createElement("p");
  note.className = "check";
  note.id = id;
  note.setAttribute("aria-live", "polite");
  input.parentNode.appendChild(note);
  input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + id).trim());
  return note;
}

// Writes `problem` (or nothing) under `input`.
function say(input, problem) {
  noteFor(input).textContent = problem || "";
  if (problem) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

// Writes what `ask(value)` answers ({"problem": text or null}) under
// `input`, a little after typing stops and when the field is left.
function advise(input, ask) {
  if (!input) return;
  noteFor(input);
  var asked = null, timer = null;
  function check() {
    clearTimeout(timer);
    var value = input.value;
    if (value === asked) return;
    asked = value;
    ask(value)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // Only the answer for what the field still holds.
        if (answer && input.value === value) say(input, answer.problem);
      })
      .catch(function () { /* no answer: nothing to say */ });
  }
  // What was said of the old value is withdrawn as soon as it changes.
  input.addEventListener("input", function () {
    if (input.value !== asked) say(input, null);
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  input.addEventListener("change", check);
  if (input.value) check(); // a form refilled after a refusal
}

// The second password differs from the first: said (in the wiki's own
// words, `badretype`, from the page) when the field is left (not at every
// key, mid-word), and unsaid as soon as they match.
function compareRetyped(password, retype, mismatch) {
  if (!password || !retype || !mismatch) return;
  var differ = function () { return retype.value !== "" && retype.value !== password.value; };
  var compare = function () { say(retype, differ() ? mismatch : null); };
  retype.addEventListener("change", compare);
  password.addEventListener("change", function () { if (retype.value) compare(); });
  retype.addEventListener("input", function () { if (!differ()) say(retype, null); });
}

// Inside an event site's frame (plain <iframe>, or made by /embed.js): tell
// the page around it the height the content needs, whenever it changes, and
// that an account was created (the username only), so the site can resize
// the frame and thank the person. Only sites named in frame-ancestors can
// frame the portal; where the browser names the framing origin, the
// messages go to it alone; where it does not (Firefox), one message goes to
// each origin frame-ancestors names, which only the framing page of that
// origin receives. Never to all origins.
function tellTheFramingPage() {
  document.documentElement.classList.add("framed");
  var targets = frameTargets(window.location.ancestorOrigins);
  var tell = function (message) {
    targets.forEach(function (target) { window.parent.postMessage(message, target); });
  };
  var main = document.querySelector("main");
  var lastHeight = 0;
  var tellHeight = function () {
    var height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    if (height === lastHeight) return;
    lastHeight = height;
    tell({ type: "wikisignup:height", height: height });
  };
  if (window.ResizeObserver) new ResizeObserver(tellHeight).observe(main);
  window.addEventListener("load", tellHeight);
  tellHeight();
  var created = document.body.dataset.created;
  if (created) tell({ type: "wikisignup:created", username: created });
}

// The origins the frame's messages go to: the framing page's, as the browser
// names it (`ancestors`), else every origin the page may be framed by.
function frameTargets(ancestors) {
  if (ancestors && ancestors.length) return [ancestors[0]];
  return (document.body.dataset.frameOrigins || "").split(" ").filter(Boolean);
}

// The CAPTCHA's "Refresh" redraws the whole form without this script; with
// it, only the image changes and nothing typed (passwords included) is
// cleared.
function refreshCaptchaInPlace(form) {
  if (!form || !window.fetch || !window.FormData) return;
  var button = form.querySelector("button.refresh");
  var image = form.querySelector("img.challenge");
  if (!button || !image) return;
  button.addEventListener("click", function (event) {
    event.preventDefault();
    button.disabled = true;
    var body = new URLSearchParams();
    body.append("wikisignup_csrf", form.querySelector("input[name=wikisignup_csrf]").value);
    fetch(button.formAction, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      image.src = answer.image;
      var word = form.querySelector("input[name=captchaWord]");
      if (word) { word.value = ""; word.focus(); }
    }).catch(function () {
      // As without the script: the form, redrawn with what was typed.
      form.requestSubmit(button);
    }).finally(function () { button.disabled = false; });
  });
}

// An event's report, projected at the venue: the count and the list are
// fetched again every so often (data-refresh, in seconds) and put in place.
document.addEventListener("DOMContentLoaded", function () {
  var live = document.getElementById("report-live");
  if (!live || !window.fetch || !window.DOMParser) return;
  setInterval(function () {
    fetch(location.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("report-live");
      if (fresh) live.innerHTML = fresh.innerHTML;
    }).catch(function () { /* the next round tries again */ });
  }, Number(live.dataset.refresh) * 1000);
});

// The poster's print button, shown where a script can print; without one,
// the browser's own Print does the same.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector("[data-print]");
  if (!button || !window.print) return;
  button.parentNode.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
