// Kring's member page. Every text goes in with textContent, never as markup. The scratchpad
// stays in this browser (sessionStorage): no request carries it.
"use strict";
(function () {
  const base = location.pathname.replace(/[^/]*$/, "");
  const $ = (id) => document.getElementById(id);
  let T = null;
  let view = null;
  let shownTool = null;
  let myDots = {};
  let closed = false;

  function deviceId() {
    let id = null;
    try { id = sessionStorage.getItem("kring-device"); } catch (e) { id = null; }
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      try { sessionStorage.setItem("kring-device", id); } catch (e) { /* memory only */ }
    }
    return id;
  }
  const device = deviceId();

  function setText(id, text) { $(id).textContent = text == null ? "" : String(text); }

  function notice(text) {
    const n = $("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  function showClosed() {
    closed = true;
    $("app").hidden = true;
    $("closed").hidden = false;
    if (T) {
      setText("closed-title", T.closed_title);
      setText("closed-text", T.closed_text);
      document.title = T.closed_title;
    }
  }

  async function call(path, body) {
    const init = { method: body === undefined ? "GET" : "POST", headers: { "X-Kring-Device": device }, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(base + path, init);
    if (response.status === 403 || response.status === 410) { showClosed(); throw new Error("closed"); }
    return response;
  }

  function explain(status) {
    if (status === 503) return T.full;
    if (status === 429) return T.too_fast;
    if (status === 413 || status === 422) return T.too_long;
    if (status === 409) return T.not_now;
    return T.offline;
  }

  function formatTime(ms) {
    const secs = ms >= 0 ? Math.ceil(ms / 1000) : Math.trunc(ms / 1000);
    const abs = Math.abs(secs);
    return (secs < 0 ? "+" : "") + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  function item(text, detail) {
    const li = document.createElement("li");
    li.textContent = text;
    if (detail) {
      const small = document.createElement("div");
      small.className = "muted";
      small.textContent = detail;
      li.appendChild(small);
    }
    return li;
  }

  function renderVotes() {
    const used = Object.values(myDots).reduce((a, b) => a + b, 0);
    const left = Math.max(0, view.dots - used);
    const sentence = left === 0 ? T.dots_none : left === 1 ? T.dots_left_one : T.dots_left_other;
    setText("dots-left", fill(sentence, { count: left, total: view.dots }));
    const list = $("vote-list");
    list.replaceChildren();
    for (const p of view.problems) {
      const li = item(p.title, p.line);
      const mine = myDots[p.id] || 0;
      const dots = document.createElement("div");
      dots.className = "dots";
      dots.textContent = "\u25CF".repeat(p.votes);
      li.appendChild(dots);
      const row = document.createElement("div");
      row.className = "row";
      const give = document.createElement("button");
      give.type = "button";
      give.textContent = T.dot_give;
      give.disabled = left === 0;
      give.addEventListener("click", () => vote(p.id, 1));
      const take = document.createElement("button");
      take.type = "button";
      take.className = "quiet";
      take.textContent = T.dot_take;
      take.disabled = mine === 0;
      take.addEventListener("click", () => vote(p.id, -1));
      row.append(give, take);
      li.appendChild(row);
      list.appendChild(li);
    }
  }

  function render() {
    if (!view || !T || closed) return;
    document.documentElement.lang = view.lang;
    setText("position", view.position);
    setText("title", view.on_break ? T.break_title : view.title);
    setText("asks", view.on_break ? "" : view.asks);
    const time = $("time");
    if (view.remaining_ms === null) {
      time.textContent = "";
    } else {
      time.textContent = formatTime(view.remaining_ms);
      const small = document.createElement("small");
      small.textContent = view.running ? T.ring_run : T.ring_paused;
      time.appendChild(small);
    }
    const tool = view.on_break ? "none" : view.tool;
    for (const name of ["problem", "vote", "scratchpad", "advice", "none"]) {
      $("tool-" + name).hidden = name !== tool;
    }
    // After the reveal the advice itself is what there is to read.
    if (tool === "none" && view.advice.length > 0) $("tool-none").hidden = true;
    if (tool !== shownTool) { notice(""); shownTool = tool; }
    if (tool === "problem") {
      const list = $("problem-list");
      list.replaceChildren(...view.problems.map((p) => item(p.title, p.line)));
    }
    if (tool === "vote") renderVotes();
    $("revealed").hidden = view.advice.length === 0;
    $("advice-list").replaceChildren(...view.advice.map((a) => item(a)));
  }

  async function poll() {
    if (closed) return;
    try {
      const response = await call("state");
      if (response.ok) {
        const data = await response.json();
        view = data.view;
        myDots = data.my_dots || {};
        if ($("notice").textContent === T.offline) notice("");
        render();
      } else {
        notice(explain(response.status));
      }
    } catch (e) {
      if (!closed) notice(T.offline);
    }
    if (!closed) setTimeout(poll, 1000);
  }

  async function send(path, body, done) {
    try {
      const response = await call(path, body);
      if (response.ok) {
        done();
      } else {
        notice(explain(response.status));
      }
    } catch (e) {
      if (!closed) notice(T.offline);
    }
  }

  function vote(id, delta) {
    send("vote", { problem: id, delta: delta }, () => {
      myDots[id] = (myDots[id] || 0) + delta;
      renderVotes();
    });
  }

  function wire() {
    setText("problem-title-label", T.problem_title);
    setText("problem-line-label", T.problem_line);
    setText("problem-send", T.problem_send);
    setText("scratch-title", T.scratch_title);
    setText("scratch-hint", T.scratch_hint);
    setText("scratch-clear", T.scratch_clear);
    setText("advice-label", T.advice_label);
    setText("advice-hint", T.advice_hint);
    setText("advice-send", T.advice_send);
    setText("revealed-title", T.revealed);
    setText("nothing", T.nothing);
    $("problem-title").maxLength = T.line_limit;
    $("problem-line").maxLength = T.line_limit;
    $("advice").maxLength = T.advice_limit;
    $("problem-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const title = $("problem-title").value.trim();
      if (!title) return;
      send("problem", { title: title, line: $("problem-line").value.trim() }, () => {
        $("problem-title").value = "";
        $("problem-line").value = "";
        notice(T.problem_sent);
      });
    });
    $("advice-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("advice").value.trim();
      if (!text) return;
      send("advice", { text: text }, () => {
        $("advice").value = "";
        notice(T.advice_in);
      });
    });
    // The scratchpad: kept in this tab only, never sent.
    const pad = $("scratch");
    try { pad.value = sessionStorage.getItem("kring-scratchpad") || ""; } catch (e) { pad.value = ""; }
    pad.addEventListener("input", () => {
      try { sessionStorage.setItem("kring-scratchpad", pad.value); } catch (e) { /* memory only */ }
    });
    $("scratch-clear").addEventListener("click", () => {
      pad.value = "";
      try { sessionStorage.removeItem("kring-scratchpad"); } catch (e) { /* nothing kept */ }
    });
  }

  async function start() {
    try {
      const response = await call("texts");
      if (!response.ok) { setTimeout(start, 2000); return; }
      T = await response.json();
    } catch (e) {
      if (!closed) setTimeout(start, 2000);
      return;
    }
    wire();
    poll();
  }
  start();
})();
