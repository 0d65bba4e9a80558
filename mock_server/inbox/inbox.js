// The TurkeySMS mock's inbox. It reads and changes state only through the control API under /_mock/.
// Live updates: it polls GET /_mock/changes (a few index lookups) twice a second and fetches the
// messages only when the cursor moved, so no request is ever held open on the mock's sync workers.
// Every value that came from a request (texts, titles, numbers, URLs, errors) is written with
// textContent or as an attribute value, never as HTML.
"use strict";

(function () {
  const POLL_MS = 500;
  const HIDDEN_POLL_MS = 5000; // a background tab still notices changes, at a tenth of the cost
  const LIMIT = 1000;
  const STORAGE_KEY = "turkeysms-mock-inbox-read";
  const TOKEN_KEY = "turkeysms-mock-control-token"; // per tab (sessionStorage), for --control-token
  const TOKEN_HEADER = "X-Mock-Token";
  const STATUS_LABELS = {
    scheduled: "Scheduled",
    pending: "Pending",
    delivered: "Delivered",
    failed: "Failed",
    out_of_coverage: "Out of coverage",
  };
  const FORCEABLE = ["delivered", "failed", "out_of_coverage"];
  const OUTCOME_LABELS = {
    delivered: "2xx",
    http_error: "HTTP error",
    timeout: "timed out",
    connection_error: "connection failed",
  };

  const state = {
    cursor: null,
    generation: null,
    now: null,
    messages: [],
    accounts: [],
    account: "",
    query: "",
    status: "",
    selected: null,
    read: {}, // number -> the highest sms_id shown to the user in its conversation
    openHooks: new Set(), // keys of messages whose webhook panel is open
    hooks: new Map(), // sms_id -> the last /_mock/webhooks answer for it
  };
  const threadNodes = new Map(); // message key -> its <li>, kept while the same number is shown
  let pollTimer = null;
  let polling = false;
  let pollAgain = false;
  let toastTimer = null;

  const $ = (id) => document.getElementById(id);

  function el(tag, options, children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.className) node.className = opts.className;
    if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
    if (opts.attrs) {
      for (const [name, value] of Object.entries(opts.attrs)) {
        if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
      }
    }
    for (const child of children || []) {
      if (child) node.append(child);
    }
    return node;
  }

  const keyOf = (message) => message.sms_id + ":" + message.recipient;

  // --- the control API ---------------------------------------------------------------------------

  function savedToken() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY) || "";
    } catch (_) {
      return "";
    }
  }

  let token = savedToken();

  async function api(path, body) {
    const headers = { Accept: "application/json" };
    if (token) headers[TOKEN_HEADER] = token;
    const init = body === undefined
      ? { headers, cache: "no-store" }
      : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) };
    const response = await fetch(path, init);
    let payload = null;
    try {
      payload = await response.json();
    } catch (_) {
      payload = null;
    }
    if (!response.ok) {
      const reason = payload && typeof payload.message === "string" ? payload.message : response.statusText;
      const failure = new Error(response.status + " " + reason);
      failure.status = response.status;
      throw failure;
    }
    return payload;
  }

  // --- time on the mock clock (the API answers Istanbul time with its offset) -----------------------

  const clockOf = (iso) => (iso ? iso.slice(11, 19) : "");
  const dayOf = (iso) => (iso ? iso.slice(0, 10) : "");
  function shortTime(iso) {
    if (!iso) return "";
    return dayOf(iso) === dayOf(state.now) ? clockOf(iso) : dayOf(iso) + " " + iso.slice(11, 16);
  }
  const longTime = (iso) => (iso ? dayOf(iso) + " " + clockOf(iso) : "");

  // --- read state, per browser, forgotten on a reset (sms_ids start again after one) ---------------

  function loadRead(generation) {
    try {
      const saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && saved.generation === generation && saved.read && typeof saved.read === "object") {
        return saved.read;
      }
    } catch (_) {
      // Unreadable or blocked storage: start with everything unread.
    }
    return {};
  }

  function saveRead() {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ generation: state.generation, read: state.read }));
    } catch (_) {
      // Private mode or a full quota: unread counts then last as long as the page.
    }
  }

  function markRead(number) {
    const newest = state.messages.reduce(
      (top, m) => (m.recipient === number && m.sms_id > top ? m.sms_id : top),
      state.read[number] || 0,
    );
    if (newest !== (state.read[number] || 0)) {
      state.read[number] = newest;
      saveRead();
    }
  }

  // --- filtering -----------------------------------------------------------------------------------

  function inAccount(message) {
    return !state.account || message.account === state.account;
  }

  function matches(message) {
    if (!inAccount(message)) return false;
    if (state.status && message.status !== state.status) return false;
    const query = state.query.trim().toLowerCase();
    if (!query) return true;
    const digits = query.replace(/[\s+()-]/g, "");
    return (
      (digits && message.recipient.includes(digits)) ||
      message.text.toLowerCase().includes(query) ||
      message.title.toLowerCase().includes(query)
    );
  }

  // Numbers in the order of their newest matching message (the API answers newest first).
  function conversations() {
    const byNumber = new Map();
    for (const message of state.messages) {
      if (!matches(message)) continue;
      let entry = byNumber.get(message.recipient);
      if (!entry) {
        entry = { number: message.recipient, newest: message, count: 0, unread: 0 };
        byNumber.set(message.recipient, entry);
      }
      entry.count += 1;
      if (message.sms_id > (state.read[message.recipient] || 0)) entry.unread += 1;
    }
    return [...byNumber.values()];
  }

  // --- rendering: the numbers ----------------------------------------------------------------------

  function renderNumbers() {
    const list = $("numbers");
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.number
      : undefined;
    const entries = conversations();
    list.replaceChildren(
      ...entries.map((entry) => {
        const isCurrent = entry.number === state.selected;
        const snippet = entry.newest.otp_code
          ? "Code " + entry.newest.otp_code + " · " + entry.newest.text
          : entry.newest.text;
        const button = el(
          "button",
          {
            className: "number" + (entry.unread && !isCurrent ? " has-unread" : ""),
            attrs: {
              type: "button",
              "data-number": entry.number,
              "aria-current": isCurrent ? "true" : "false",
              "aria-label":
                entry.number + ", " + entry.count + " message" + (entry.count === 1 ? "" : "s") +
                (entry.unread && !isCurrent ? ", " + entry.unread + " unread" : "") +
                ", newest " + STATUS_LABELS[entry.newest.status],
            },
          },
          [
            el("span", { className: "number-id", text: entry.number }),
            el("span", { className: "number-time", text: shortTime(entry.newest.created_at) }),
            el("span", { className: "number-snippet", text: snippet.replace(/\s+/g, " "), attrs: { dir: "auto" } }),
            el("span", { className: "number-meta" }, [
              entry.unread && !isCurrent
                ? el("span", { className: "unread", text: entry.unread, attrs: { "aria-hidden": "true" } })
                : null,
              el("span", {
                className: "dot status-" + entry.newest.status,
                attrs: { title: STATUS_LABELS[entry.newest.status], "aria-hidden": "true" },
              }),
            ]),
          ],
        );
        button.addEventListener("click", () => select(entry.number, true));
        return el("li", {}, [button]);
      }),
    );
    if (focused) {
      const again = list.querySelector('button[data-number="' + CSS.escape(focused) + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    $("numbers-count").textContent = entries.length ? "(" + entries.length + ")" : "";
    const none = entries.length === 0;
    $("numbers-empty").hidden = !none;
    const anything = state.messages.some(inAccount);
    $("numbers-empty-text").textContent = anything ? "Nothing matches the filter." : "No messages yet.";
    $("send-snippet").parentElement.hidden = anything;
    $("numbers-empty").querySelector(".hint").hidden = anything;
    const truncated = $("truncated");
    truncated.hidden = state.messages.length < LIMIT;
    truncated.textContent = "Showing the newest " + LIMIT.toLocaleString("en") + " messages.";
  }

  // --- rendering: one conversation -----------------------------------------------------------------

  function badge(status) {
    return el("span", { className: "badge status-" + status, text: STATUS_LABELS[status] || status });
  }

  function metaItem(label, value, className) {
    return el("div", { className: className || "" }, [el("dt", { text: label }), el("dd", { text: value })]);
  }

  function costText(message) {
    const credits = message.credits + " credit" + (message.credits === 1 ? "" : "s");
    return credits + " · " + (message.balance === "international" ? "international balance" : "main balance");
  }

  function statusSince(message) {
    if (message.status === "scheduled") return "leaves " + longTime(message.scheduled_at);
    return message.status_changed_at ? "since " + clockOf(message.status_changed_at) : "";
  }

  function buildMessage(message) {
    const parts = {};
    parts.badge = badge(message.status);
    parts.since = el("dd", { text: statusSince(message) });
    const head = el("div", { className: "message-head" }, [
      el("span", { className: "sender", text: message.title }),
      state.accounts.length > 1 ? el("span", { className: "account-chip", text: message.account }) : null,
      parts.badge,
      el("time", {
        className: "message-time",
        text: shortTime(message.created_at),
        attrs: { datetime: message.created_at, title: longTime(message.created_at) + " (mock clock)" },
      }),
    ]);
    let otp = null;
    if (message.otp_code) {
      const code = el("output", { className: "otp-code", text: message.otp_code });
      const copy = el("button", {
        className: "copy",
        text: "Copy code",
        attrs: { type: "button", "aria-label": "Copy the code " + message.otp_code },
      });
      copy.addEventListener("click", () => copyCode(message.otp_code, copy));
      otp = el("div", { className: "otp" }, [el("span", { className: "otp-label", text: "Code" }), code, copy]);
    }
    const meta = el("dl", { className: "meta" }, [
      metaItem("Sent", longTime(message.created_at)),
      el("div", {}, [el("dt", { text: "Status" }), parts.since]),
      metaItem("Parts", String(message.parts)),
      metaItem("Encoding", message.encoding),
      metaItem("Cost", costText(message)),
      metaItem("sms_id", String(message.sms_id)),
    ]);

    const select = el("select", { attrs: { "aria-label": "Outcome to force for sms_id " + message.sms_id } });
    for (const status of FORCEABLE) select.append(el("option", { text: STATUS_LABELS[status], attrs: { value: status } }));
    select.value = message.status === "failed" ? "delivered" : "failed";
    const apply = el("button", { text: "Force", attrs: { type: "button" } });
    apply.addEventListener("click", () => forceOutcome(message, select.value, apply));
    const force = el("div", { className: "force" }, [el("span", { text: "Outcome" }), select, apply]);

    const key = keyOf(message);
    const hooksBody = el("div", { className: "hooks-body" });
    const hooks = el("details", { className: "hooks" }, [
      el("summary", { text: "Webhook attempts" }),
      hooksBody,
    ]);
    if (state.openHooks.has(key)) hooks.open = true;
    hooks.addEventListener("toggle", () => {
      if (hooks.open) {
        state.openHooks.add(key);
        loadHooks(message.sms_id);
      } else {
        state.openHooks.delete(key);
      }
    });
    parts.hooksBody = hooksBody;

    const node = el("li", { className: "message", attrs: { "data-key": key, "data-sms-id": message.sms_id } }, [
      el("article", { className: "bubble", attrs: { "aria-label": "Message from " + message.title } }, [
        head,
        otp,
        el("p", { className: "text", text: message.text, attrs: { dir: "auto" } }),
        meta,
        el("div", { className: "tools" }, [force, hooks]),
      ]),
    ]);
    node._parts = parts;
    node._status = message.status;
    return node;
  }

  function updateMessage(node, message) {
    if (node._status !== message.status) {
      const fresh = badge(message.status);
      node._parts.badge.replaceWith(fresh);
      node._parts.badge = fresh;
      node._status = message.status;
    }
    node._parts.since.textContent = statusSince(message);
    renderHooks(node, message);
  }

  function renderThread() {
    const thread = $("thread");
    const number = state.selected;
    const all = number ? state.messages.filter((m) => m.recipient === number && inAccount(m)) : [];
    const shown = all.filter(matches).reverse(); // oldest first, like a phone
    $("conversation-title").textContent = number || "Pick a number";
    const newest = all[0];
    $("conversation-sub").textContent = newest
      ? newest.country + " · " + all.length + " message" + (all.length === 1 ? "" : "s")
      : "";
    $("thread-empty").hidden = shown.length > 0;
    $("thread-empty").textContent = number
      ? "Nothing to this number matches the filter."
      : "Messages to a number show here like on its phone.";
    const hidden = all.length - shown.length;
    $("thread-hidden").hidden = hidden === 0 || shown.length === 0;
    $("thread-hidden").textContent = hidden + " more message" + (hidden === 1 ? "" : "s") + " hidden by the filter.";

    const nearBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80;
    const wanted = new Set(shown.map(keyOf));
    for (const [key, node] of threadNodes) {
      if (!wanted.has(key)) {
        node.remove();
        threadNodes.delete(key);
      }
    }
    let added = false;
    const hadMessages = threadNodes.size > 0; // only later arrivals slide in, not a whole thread
    shown.forEach((message, index) => {
      const key = keyOf(message);
      let node = threadNodes.get(key);
      if (!node) {
        node = buildMessage(message);
        if (hadMessages) node.classList.add("is-new");
        threadNodes.set(key, node);
        added = true;
      }
      updateMessage(node, message);
      // Move only what is out of place: moving a node would take the focus off its controls.
      if (thread.children[index] !== node) thread.insertBefore(node, thread.children[index] || null);
    });
    if (added && (nearBottom || shown.length <= 1)) thread.scrollTop = thread.scrollHeight;
    if (number) markRead(number);
  }

  // --- webhook attempts ----------------------------------------------------------------------------

  async function loadHooks(smsId) {
    try {
      state.hooks.set(smsId, await api("/_mock/webhooks?sms_id=" + encodeURIComponent(smsId)));
    } catch (error) {
      showToast("Could not read the webhook attempts: " + error.message, true);
      return;
    }
    for (const message of state.messages) {
      const node = threadNodes.get(keyOf(message));
      if (node && message.sms_id === smsId) renderHooks(node, message);
    }
  }

  function renderHooks(node, message) {
    const body = node._parts.hooksBody;
    if (!state.openHooks.has(keyOf(message))) return;
    const answer = state.hooks.get(message.sms_id);
    if (!answer) {
      body.replaceChildren(el("p", { text: "Loading…" }));
      return;
    }
    const attempts = answer.attempts.filter((a) => a.recipient === message.recipient);
    const waiting = answer.pending.filter((p) => p.recipient === message.recipient);
    const account = state.accounts.find((a) => a.name === message.account);
    const children = [];
    if (!attempts.length && !waiting.length) {
      children.push(
        el("p", {
          text: account && account.webhook_url
            ? "No delivery report yet: one is sent to " + account.webhook_url + " when the status becomes final (none for sends with report: 0)."
            : "The account has no webhook. Set one with POST /_mock/webhook or webhook: in the seed.",
        }),
      );
    }
    for (const item of waiting) {
      children.push(
        el("p", {
          text:
            "Waiting: the " + STATUS_LABELS[item.status] + " report goes out " +
            (item.attempts ? "again " : "") + "at " + longTime(item.next_attempt_at) +
            " (mock clock" + (item.attempts ? ", after " + item.attempts + " attempt" + (item.attempts === 1 ? "" : "s") : "") + ").",
        }),
      );
    }
    if (attempts.length) {
      const columns = ["#", "When", "Report", "URL", "Answer", "Error", "Signature"];
      const head = el("tr", {}, columns.map((t) => el("th", { text: t, attrs: { scope: "col" } })));
      const cell = (index, text, className) =>
        el("td", { className: className || "", text, attrs: { "data-label": columns[index] } });
      const rows = attempts.map((a) =>
        el("tr", {}, [
          cell(0, a.attempt),
          cell(1, shortTime(a.attempted_at), "when"),
          cell(2, STATUS_LABELS[a.status] || a.status),
          cell(3, a.url, "url"),
          cell(
            4,
            (a.response_status ? "HTTP " + a.response_status + " · " : "") + (OUTCOME_LABELS[a.outcome] || a.outcome),
            a.outcome === "delivered" ? "ok" : "bad",
          ),
          cell(5, a.error || "–"),
          cell(6, a.signed ? "signed" : "empty secret"),
        ]),
      );
      children.push(el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]));
    }
    body.replaceChildren(...children);
  }

  // --- everything ----------------------------------------------------------------------------------

  function renderAccounts() {
    const field = $("account-field");
    const select = $("account");
    field.hidden = state.accounts.length <= 1;
    const names = state.accounts.map((a) => a.name);
    if (state.account && !names.includes(state.account)) state.account = "";
    const current = [...select.options].slice(1).map((o) => o.value);
    if (current.join("\n") !== names.join("\n")) {
      select.replaceChildren(
        el("option", { text: "All accounts", attrs: { value: "" } }),
        ...names.map((name) => el("option", { text: name, attrs: { value: name } })),
      );
    }
    select.value = state.account;
  }

  function renderClock() {
    $("clock").textContent = state.now ? clockOf(state.now) : "--:--:--";
    $("clock").setAttribute("datetime", state.now || "");
    const ahead = state.now ? Math.round((Date.parse(state.now) - Date.now()) / 1000) : 0;
    $("clock-offset").textContent = Math.abs(ahead) >= 2 ? "(" + formatOffset(ahead) + " ahead)" : "";
  }

  function formatOffset(seconds) {
    const units = [[86400, "d"], [3600, "h"], [60, "min"]];
    for (const [size, unit] of units) {
      if (Math.abs(seconds) >= size) return "+" + Math.round((seconds / size) * 10) / 10 + " " + unit;
    }
    return "+" + seconds + " s";
  }

  function render() {
    renderAccounts();
    renderNumbers();
    renderThread();
  }

  function select(number, focusThread) {
    if (state.selected !== number) {
      threadNodes.forEach((node) => node.remove());
      threadNodes.clear();
      state.selected = number;
    }
    document.body.classList.toggle("show-conversation", Boolean(number));
    render();
    if (number && focusThread) $("thread").focus({ preventScroll: true });
  }

  // --- live: short polls of the change cursor ------------------------------------------------------

  function setLive(ok, reason) {
    const live = $("live");
    live.classList.toggle("on", ok);
    live.classList.toggle("off", !ok);
    live.textContent = ok ? "Live" : "Offline, retrying";
    live.title = ok ? "Updated from the mock twice a second" : reason || "";
  }

  async function poll() {
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    window.clearTimeout(pollTimer);
    try {
      const changes = await api("/_mock/changes");
      setLive(true);
      state.now = changes.now;
      renderClock();
      if (changes.cursor !== state.cursor) {
        const [listed, accounts] = await Promise.all([
          api("/_mock/messages?limit=" + LIMIT),
          api("/_mock/accounts"),
        ]);
        if (changes.generation !== state.generation) {
          state.generation = changes.generation;
          state.read = loadRead(changes.generation);
          state.hooks.clear();
        }
        state.cursor = changes.cursor;
        state.messages = listed.messages;
        state.accounts = accounts.accounts;
        if (state.selected && !state.messages.some((m) => m.recipient === state.selected)) {
          select(null, false);
        }
        render();
        const open = new Set(
          state.messages.filter((m) => state.openHooks.has(keyOf(m))).map((m) => m.sms_id),
        );
        await Promise.all([...open].map((smsId) => loadHooks(smsId)));
      }
    } catch (error) {
      setLive(false, error.message);
      if (error.status === 401) askForToken();
    } finally {
      polling = false;
      if (pollAgain) {
        pollAgain = false;
        poll();
      } else {
        pollTimer = window.setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
      }
    }
  }

  // --- controls, each one call of the control API ---------------------------------------------------

  function showToast(text, isError) {
    const toast = $("toast");
    toast.textContent = text;
    toast.classList.toggle("error", Boolean(isError));
    toast.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => {
      toast.hidden = true;
    }, 4000);
  }

  async function run(button, action, done) {
    if (button) button.disabled = true;
    try {
      await action();
      if (done) showToast(done, false);
      await poll();
    } catch (error) {
      showToast(error.message, true);
    } finally {
      if (button) button.disabled = false;
    }
  }

  function askForToken() {
    const dialog = $("token-dialog");
    if (dialog.open) return;
    $("token").value = "";
    dialog.showModal();
    $("token").focus();
  }

  function forceOutcome(message, status, button) {
    run(
      button,
      () => api("/_mock/messages/" + encodeURIComponent(message.sms_id) + "/status", { status, recipient: message.recipient }),
      "sms_id " + message.sms_id + " to " + message.recipient + ": " + STATUS_LABELS[status] + ".",
    );
  }

  async function copyCode(code, button) {
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(code);
        copied = true;
      }
    } catch (_) {
      copied = false;
    }
    if (!copied) {
      // Plain http on another host is not a secure context: copy through a selected field.
      const field = el("textarea", { className: "visually-hidden", text: code, attrs: { readonly: "" } });
      document.body.append(field);
      field.select();
      copied = document.execCommand("copy");
      field.remove();
      button.focus();
    }
    button.textContent = copied ? "Copied" : "Copy failed";
    window.setTimeout(() => {
      button.textContent = "Copy code";
    }, 1500);
  }

  function wire() {
    const origin = window.location.origin;
    $("send-snippet").textContent =
      "curl -s " + origin + "/sms/send -H 'Content-Type: application/json' \\\n  -d '" +
      JSON.stringify({ api_key: "test-key", title: "TurkeySMS", text: "Hello!", sentto: "905321234567" }) + "'";

    $("advance-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const seconds = Number($("advance-seconds").value);
      if (!Number.isFinite(seconds) || seconds < 0) {
        showToast("Advance by a number of seconds, 0 or more.", true);
        return;
      }
      run($("advance"), () => api("/_mock/clock", { advance: seconds }), "Clock advanced by " + seconds + " s.");
    });

    const dialog = $("reset-dialog");
    $("reset").addEventListener("click", () => {
      dialog.showModal();
      $("reset-cancel").focus();
    });
    $("reset-cancel").addEventListener("click", () => dialog.close());
    $("reset-confirm").addEventListener("click", () => {
      dialog.close();
      run($("reset"), () => api("/_mock/reset", {}), "The mock is back to its seed.");
    });

    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      token = $("token").value.trim();
      try {
        window.sessionStorage.setItem(TOKEN_KEY, token);
      } catch (_) {
        // Storage blocked: the token then lasts as long as the page.
      }
      $("token-dialog").close();
      poll();
    });

    $("account").addEventListener("change", (event) => {
      state.account = event.target.value;
      render();
    });
    $("search").addEventListener("input", (event) => {
      state.query = event.target.value;
      render();
    });
    $("status").addEventListener("change", (event) => {
      state.status = event.target.value;
      render();
    });
    $("back").addEventListener("click", () => {
      const previous = state.selected;
      select(null, false);
      const button = previous && $("numbers").querySelector('button[data-number="' + CSS.escape(previous) + '"]');
      if (button) button.focus();
    });

    $("numbers").addEventListener("keydown", (event) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const buttons = [...$("numbers").querySelectorAll("button.number")];
      const index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      event.preventDefault();
      const next = buttons[index + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) next.focus();
    });
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !dialog.open) {
        event.preventDefault();
        $("search").focus();
      } else if (event.key === "Escape" && document.body.classList.contains("show-conversation") && !dialog.open && !typing) {
        $("back").click();
      }
    });
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) poll();
    });
  }

  wire();
  poll();
})();
