// Entraide's working-day helpers: live countdowns to every clock on a page, and the 24/7 point's emergency banner
// fed by Server-Sent Events (title, optional sound, desktop notification). Without JavaScript the page still shows
// every deadline as a date and the emergencies open when it was drawn.
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

    retitle();
    if (!("EventSource" in window)) return;
    var source = new EventSource(section.dataset.stream);
    source.addEventListener("emergency", function (e) {
      var alert;
      try { alert = JSON.parse(e.data); } catch (err) { return; }
      if (add(alert)) alertPerson(alert);
    });
    source.addEventListener("open", function () { section.setAttribute("data-live", "connected"); });
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
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
