// Entraide's working-day helpers: live countdowns to every clock on a page, the 24/7 point's emergency banner
// fed by Server-Sent Events (title, optional sound, desktop notification; cleared when a colleague acknowledges),
// and the dialog that confirms an irreversible step. Without JavaScript the page still shows every deadline as a
// date, the emergencies open when it was drawn, and the server asks to confirm on a page of its own.
(function () {
  "use strict";
  var texts = null;

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (_, i) { return values[+i] === undefined ? "" : values[+i]; });
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function span(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400); s -= d * 86400;
    var h = Math.floor(s / 3600); s -= h * 3600;
    var m = Math.floor(s / 60); s -= m * 60;
    var clock = pad(h) + ":" + pad(m) + ":" + pad(s);
    return d > 0 ? format(texts.days, [d]) + " " + clock : clock;
  }

  function tick() {
    var now = Date.now();
    var clocks = document.querySelectorAll("time[data-countdown]");
    for (var i = 0; i < clocks.length; i++) {
      var el = clocks[i];
      var at = Date.parse(el.getAttribute("datetime"));
      if (isNaN(at)) continue;
      if (!el.dataset.seen) {
        el.dataset.seen = "1";
        if (el.textContent.trim()) el.setAttribute("title", el.textContent.trim());
      }
      var left = at - now;
      el.textContent = format(left >= 0 ? texts.left : texts.overdue, [span(left)]);
      el.classList.toggle("overdue", left < 0);
    }
  }

  function beep() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    try {
      var ctx = new Ctx();
      [0, 0.4].forEach(function (start) {
        var osc = ctx.createOscillator();
        var gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(ctx.destination);
        osc.start(ctx.currentTime + start);
        osc.stop(ctx.currentTime + start + 0.25);
      });
    } catch (e) { /* no audio device: the banner and the title still alert */ }
  }

  function banner() {
    var section = document.getElementById("emergency-alerts");
    if (!section) return;
    var list = section.querySelector("[data-alerts]");
    var title = document.title;
    var soundButton = section.querySelector("[data-sound]");
    var notifyButton = section.querySelector("[data-notify]");
    var soundOn = false;
    try { soundOn = window.localStorage.getItem("entraide.sound") === "on"; } catch (e) { soundOn = false; }

    function showSound() {
      soundButton.setAttribute("aria-pressed", soundOn ? "true" : "false");
      soundButton.textContent = soundOn ? soundButton.dataset.on : soundButton.dataset.off;
    }
    showSound();
    soundButton.addEventListener("click", function () {
      soundOn = !soundOn;
      try { window.localStorage.setItem("entraide.sound", soundOn ? "on" : "off"); } catch (e) { /* private mode */ }
      showSound();
      if (soundOn) beep();
    });

    if ("Notification" in window && Notification.permission === "default") {
      notifyButton.hidden = false;
      notifyButton.addEventListener("click", function () {
        Notification.requestPermission().then(function () { notifyButton.hidden = true; });
      });
    }

    function count() { return list.querySelectorAll("li[data-id]").length; }

    function retitle() {
      var n = count();
      document.title = n > 0 ? format(section.dataset.title, [n]) + " · " + title : title;
      section.hidden = n === 0;
    }

    function add(alert) {
      if (!alert || typeof alert.id !== "string" || typeof alert.link !== "string" || alert.link.indexOf("/requests/") !== 0) return false;
      var existing = list.querySelector("li[data-id='" + CSS.escape(alert.id) + "']");
      var li = existing || document.createElement("li");
      li.textContent = "";
      li.setAttribute("data-id", alert.id);
      li.setAttribute("data-testid", "emergency-alert");
      var a = document.createElement("a");
      a.href = alert.link;
      var strong = document.createElement("strong");
      strong.textContent = alert.reference;
      a.appendChild(strong);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      var from = document.createElement("span");
      from.textContent = format(section.dataset.from, [alert.requestingState]);
      li.appendChild(from);
      if (alert.acknowledgeBy) {
        li.appendChild(document.createTextNode(" "));
        var by = document.createElement("span");
        by.textContent = section.dataset.acknowledgeBy + " ";
        var time = document.createElement("time");
        time.setAttribute("datetime", alert.acknowledgeBy);
        time.setAttribute("data-countdown", "");
        time.setAttribute("title", new Date(alert.acknowledgeBy).toLocaleString());
        by.appendChild(time);
        li.appendChild(by);
      }
      if (alert.escalated) {
        var badge = document.createElement("span");
        badge.className = "badge danger";
        badge.textContent = section.dataset.escalated;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge);
      }
      if (!existing) list.appendChild(li);
      retitle();
      tick();
      return !existing;
    }

    function alertPerson(alert) {
      if (soundOn) beep();
      if ("Notification" in window && Notification.permission === "granted") {
        try {
          var n = new Notification(format(section.dataset.notice, [alert.reference, alert.requestingState]), { tag: alert.id });
          n.onclick = function () { window.focus(); window.location.href = alert.link; };
        } catch (e) { /* some browsers allow notifications from a service worker only */ }
      }
    }

    function remove(id) {
      if (typeof id !== "string") return;
      var li = list.querySelector("li[data-id='" + CSS.escape(id) + "']");
      if (li) li.parentNode.removeChild(li);
      retitle();
    }

    retitle();
    if (!("EventSource" in window)) return;
    var source = new EventSource(section.dataset.stream);
    // The emergencies the stream confirmed open since it (re)connected; at "ready", anything else drawn on the page is stale.
    var confirmed = {};
    source.addEventListener("emergency", function (e) {
      var alert;
      try { alert = JSON.parse(e.data); } catch (err) { return; }
      if (alert && typeof alert.id === "string") confirmed[alert.id] = true;
      if (add(alert)) alertPerson(alert);
    });
    source.addEventListener("ready", function () {
      var items = list.querySelectorAll("li[data-id]");
      for (var i = 0; i < items.length; i++) {
        var id = items[i].getAttribute("data-id");
        if (!confirmed[id]) remove(id);
      }
    });
    // Acknowledged by a colleague on another page, withdrawn by the requesting State, or closed: the alert is over.
    ["acknowledged", "withdrawn", "closed"].forEach(function (kind) {
      source.addEventListener(kind, function (e) {
        var alert;
        try { alert = JSON.parse(e.data); } catch (err) { return; }
        if (alert) { delete confirmed[alert.id]; remove(alert.id); }
      });
    });
    source.addEventListener("open", function () {
      confirmed = {};
      section.setAttribute("data-live", "connected");
    });
    source.addEventListener("error", function () {
      // Refused (too many pages open, signed out): the browser gives up; the page still shows what it drew.
      if (source.readyState === EventSource.CLOSED) section.setAttribute("data-live", "closed");
    });
  }

  // Irreversible steps: a modal dialog says what the other State will see before the form is sent. Without JavaScript
  // (or without <dialog>) the server's own confirmation step asks instead.
  function confirmations() {
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog || typeof dialog.showModal !== "function") return;
    var forms = document.querySelectorAll("form[data-confirm-title]");
    var title = dialog.querySelector("[data-title]");
    var text = dialog.querySelector("[data-text]");
    var reads = dialog.querySelector("[data-reads]");
    var groundRow = dialog.querySelectorAll("[data-ground-row]");
    var groundText = dialog.querySelector("[data-ground]");
    var reasonsRow = dialog.querySelectorAll("[data-reasons-row]");
    var reasonsText = dialog.querySelector("[data-reasons]");
    var ok = dialog.querySelector("[data-confirm]");
    var cancel = dialog.querySelector("[data-cancel]");
    var pending = null;
    var opener = null;

    function show(nodes, on) { for (var i = 0; i < nodes.length; i++) nodes[i].hidden = !on; }

    function open(form, submitter) {
      var ground = form.querySelector("select[name=ground]");
      var reasons = form.querySelector("textarea[name=reasons]");
      pending = form;
      opener = submitter || document.activeElement;
      title.textContent = form.dataset.confirmTitle;
      text.textContent = form.dataset.confirmText;
      ok.textContent = form.dataset.confirmTitle;
      var groundValue = ground && ground.value ? ground.options[ground.selectedIndex].text : "";
      var reasonsValue = reasons ? reasons.value.trim() : "";
      groundText.textContent = groundValue;
      reasonsText.textContent = reasonsValue;
      show(groundRow, groundValue !== "");
      show(reasonsRow, reasonsValue !== "");
      reads.hidden = groundValue === "" && reasonsValue === "";
      dialog.showModal();
      // The safe choice has the focus: Enter does not take an irreversible step by accident.
      cancel.focus();
    }

    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (e) {
        var form = e.currentTarget;
        if (form.dataset.confirmed === "1") return;
        var ground = form.querySelector("select[name=ground]");
        var reasons = form.querySelector("textarea[name=reasons]");
        // A missing ground or reasons is for the server to point out beside its field, before anything is confirmed.
        if ((ground && !ground.value) || (reasons && !reasons.value.trim())) return;
        e.preventDefault();
        open(form, e.submitter);
      });
    }

    ok.addEventListener("click", function () {
      var form = pending;
      if (!form) return;
      var flag = document.createElement("input");
      flag.type = "hidden";
      flag.name = "confirmed";
      flag.value = "true";
      form.appendChild(flag);
      form.dataset.confirmed = "1";
      pending = null;
      dialog.close("confirm");
      form.submit();
    });
    cancel.addEventListener("click", function () { dialog.close("cancel"); });
    dialog.addEventListener("close", function () {
      if (pending === null) return;
      // Cancelled (the button, or Escape): nothing was sent, and the focus goes back where it was.
      pending = null;
      if (opener && typeof opener.focus === "function") opener.focus();
    });
    // The focus stays in the dialog while it is open.
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "Tab") return;
      var focusable = dialog.querySelectorAll("button:not([hidden]), a[href], [tabindex]:not([tabindex='-1'])");
      if (focusable.length === 0) return;
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    });
  }

  function start() {
    var t = document.getElementById("clock-texts");
    texts = t ? { left: t.dataset.left, overdue: t.dataset.overdue, days: t.dataset.days } : { left: "{0}", overdue: "-{0}", days: "{0} d" };
    tick();
    window.setInterval(tick, 1000);
    var print = document.querySelectorAll("button[data-print]");
    for (var i = 0; i < print.length; i++) {
      print[i].hidden = false;
      print[i].addEventListener("click", function () { window.print(); });
    }
    banner();
    confirmations();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
