// The TurkeySMS mock's inbox. It reads and changes state only through the control API under /_mock/.
// Live updates: it polls GET /_mock/changes (a few index lookups) twice a second and fetches the
// messages (and the fault rules) only when the cursor moved, so no request is ever held open on the mock.
// Every value that came from a request (texts, titles, numbers, URLs, errors) is written with
// textContent or as an attribute value, never as HTML. The fault form's kinds, fields and codes come
// from the server (/inbox/fault-form.json, built from spec/control-api.yaml): none is listed here.
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
    faults: [], // the last GET /_mock/faults, newest first
    form: null, // /inbox/fault-form.json, once loaded
  };
  const faultControls = new Map(); // field name -> { field, control, wrapper, label }
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

  async function api(path, body, method) {
    const headers = { Accept: "application/json" };
    if (token) headers[TOKEN_HEADER] = token;
    const init = { method: method || (body === undefined ? "GET" : "POST"), headers, cache: "no-store" };
    if (body !== undefined) {
      init.headers = { ...headers, "Content-Type": "application/json" };
      init.body = JSON.stringify(body);
    }
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
      failure.reason = reason; // the API's own words, for a form to show as they are
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

  // --- fault rules: the list and the form to add one ------------------------------------------------

  function kindOf(name) {
    return state.form ? state.form.kinds.find((k) => k.kind === name) : undefined;
  }

  function formatValue(field, value) {
    return field.type === "boolean" ? (value ? "yes" : "no") : String(value);
  }

  function describeFault(rule) {
    const kind = kindOf(rule.kind);
    const takes = kind ? kind.parameters : [];
    const parts = [];
    for (const field of state.form ? state.form.parameters : []) {
      const value = rule[field.name];
      if (takes.includes(field.name) && value !== null && value !== undefined) {
        parts.push(field.label + " " + formatValue(field, value));
      }
    }
    // A code fault answers its catalogue status, which it does not take as a parameter.
    if (rule.status !== null && !takes.includes("status")) parts.push("HTTP " + rule.status);
    return rule.kind + (parts.length ? ": " + parts.join(", ") : "");
  }

  function describeMatch(rule) {
    const parts = [rule.operation || "any operation"];
    if (rule.api_key) parts.push("key " + rule.api_key);
    if (rule.recipient) parts.push("to " + rule.recipient);
    return parts.join(" · ");
  }

  let faultsShown = null; // what the table was drawn from: redrawn only when that changes

  function renderFaults() {
    const rules = state.faults;
    // Every send moves the cursor too; leave the table (and a focused Remove button) alone then.
    const drawnFrom = JSON.stringify([Boolean(state.form), dayOf(state.now), rules]);
    if (drawnFrom === faultsShown) return;
    faultsShown = drawnFrom;
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("tr[data-fault-id]")
      : null;
    const active = rules.filter((rule) => rule.remaining > 0).length;
    const spent = rules.length - active;
    $("faults").classList.toggle("has-active", active > 0);
    $("faults-summary").textContent = rules.length === 0
      ? "no rules"
      : (active ? active + " active" : "none active") + (spent ? ", " + spent + " used up" : "");
    $("faults-empty").hidden = rules.length > 0;
    $("faults-table").hidden = rules.length === 0;
    $("faults-clear").hidden = rules.length === 0;
    $("faults-rows").replaceChildren(
      ...rules.map((rule) => {
        const remove = el("button", {
          className: "small",
          text: "Remove",
          attrs: { type: "button", "aria-label": "Remove fault rule " + rule.id },
        });
        remove.addEventListener("click", async () => {
          await run(remove, () => api("/_mock/faults/" + encodeURIComponent(rule.id), undefined, "DELETE"),
            "Fault rule " + rule.id + " removed.");
          keepFocusInFaults();
        });
        const remaining = rule.remaining + " of " + rule.count;
        return el("tr", { className: rule.remaining > 0 ? "" : "is-spent", attrs: { "data-fault-id": rule.id } }, [
          el("td", { text: rule.id, attrs: { "data-label": "#" } }),
          el("td", { className: "fault-what", text: describeFault(rule), attrs: { "data-label": "Fault" } }),
          el("td", { text: describeMatch(rule), attrs: { "data-label": "Matches" } }),
          el("td", {
            className: "fault-remaining",
            text: rule.remaining > 0 ? remaining : "used up (" + remaining + ")",
            attrs: { "data-label": "Remaining" },
          }),
          el("td", { attrs: { "data-label": "Created" } }, [
            el("time", {
              text: shortTime(rule.created_at),
              attrs: { datetime: rule.created_at, title: longTime(rule.created_at) + " (mock clock)" },
            }),
          ]),
          el("td", { className: "fault-actions" }, [remove]),
        ]);
      }),
    );
    if (focused) {
      const again = $("faults-rows").querySelector('tr[data-fault-id="' + CSS.escape(focused.dataset.faultId) + '"] button');
      (again || $("fault-add")).focus({ preventScroll: true });
    }
  }

  // A removed row or a hidden Clear all button drops the focus to the page: keep it in the panel.
  function keepFocusInFaults() {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) ($("faults-rows").querySelector("button") || $("fault-kind")).focus();
  }

  function buildFaultField(field, anyLabel) {
    const id = "fault-" + field.name.replace(/_/g, "-");
    const attrs = { id, name: field.name };
    let control;
    if (field.enum) {
      control = el("select", { attrs }, [
        el("option", { text: anyLabel, attrs: { value: "" } }),
        ...field.enum.map((value) =>
          el("option", { text: (field.labels && field.labels[value]) || value, attrs: { value } }),
        ),
      ]);
    } else if (field.type === "boolean") {
      control = el("select", { attrs }, [
        el("option", { text: "Default", attrs: { value: "" } }),
        el("option", { text: "Yes", attrs: { value: "true" } }),
        el("option", { text: "No", attrs: { value: "false" } }),
      ]);
    } else if (field.type === "integer" || field.type === "number") {
      control = el("input", {
        attrs: {
          ...attrs,
          type: "number",
          min: field.minimum,
          max: field.maximum,
          step: field.type === "integer" ? 1 : "any",
          inputmode: field.type === "integer" ? "numeric" : "decimal",
          placeholder: field.default,
        },
      });
    } else {
      control = el("input", {
        attrs: {
          ...attrs,
          type: "text",
          maxlength: field.maxLength,
          autocomplete: "off",
          spellcheck: "false",
          list: field.suggest === "codes" ? "fault-codes" : undefined,
        },
      });
    }
    // A label beside its control, not around it: a select inside a label would add its options to the name.
    const label = el("label", { text: field.label, attrs: { for: id } });
    const wrapper = el("div", { className: "fault-field" }, [label, control]);
    const entry = { field, control, wrapper, label };
    faultControls.set(field.name, entry);
    return wrapper;
  }

  function renderCodes() {
    if (!state.form) return;
    const operation = faultControls.has("operation") ? faultControls.get("operation").control.value : "";
    const documented = operation ? state.form.documented[operation] : null;
    $("fault-codes").replaceChildren(
      ...state.form.codes
        .filter((row) => !documented || documented.includes(row.code))
        .map((row) => el("option", { attrs: { value: row.code, label: row.code + " · HTTP " + row.status + " · " + row.message } })),
    );
  }

  function showKind() {
    const kind = kindOf($("fault-kind").value);
    if (!kind) return;
    $("fault-kind-hint").textContent = kind.description;
    for (const field of state.form.parameters) {
      const entry = faultControls.get(field.name);
      const takes = kind.parameters.includes(field.name);
      const needed = kind.needs === field.name;
      entry.wrapper.hidden = !takes;
      entry.control.disabled = !takes;
      entry.control.required = needed;
      entry.label.textContent = field.label + (needed ? " (required)" : "");
      const fallback = kind.defaults[field.name];
      if (field.type === "boolean") {
        entry.control.options[0].textContent = "Default (" + formatValue(field, Boolean(fallback)) + ")";
      } else if (entry.control.tagName === "INPUT") {
        entry.control.placeholder = fallback === undefined ? "" : String(fallback);
      }
    }
  }

  async function loadFaultForm() {
    try {
      const response = await fetch("/inbox/fault-form.json", { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      state.form = await response.json();
    } catch (error) {
      showFaultError("Could not load the fault form: " + error.message);
      $("fault-add").disabled = true;
      return;
    }
    $("fault-kind").replaceChildren(
      ...state.form.kinds.map((kind) => el("option", { text: kind.kind, attrs: { value: kind.kind } })),
    );
    $("fault-parameters").replaceChildren(...state.form.parameters.map((field) => buildFaultField(field, "")));
    $("fault-match").append(
      ...state.form.match.map((field) => buildFaultField(field, "Any " + field.label.toLowerCase())),
    );
    if (faultControls.has("operation")) faultControls.get("operation").control.addEventListener("change", renderCodes);
    $("fault-kind").addEventListener("change", showKind);
    showKind();
    renderCodes();
    renderFaults();
  }

  function showFaultError(text) {
    $("fault-error").hidden = !text;
    $("fault-error").textContent = text || "";
  }

  function faultBody() {
    const kind = kindOf($("fault-kind").value);
    const body = { kind: kind.kind };
    const fields = [...state.form.parameters.filter((f) => kind.parameters.includes(f.name)), ...state.form.match];
    for (const field of fields) {
      const raw = faultControls.get(field.name).control.value.trim();
      if (raw === "") continue;
      if (field.type === "boolean") {
        body[field.name] = raw === "true";
      } else if (field.type === "integer" || field.type === "number") {
        const number = Number(raw);
        body[field.name] = Number.isFinite(number) ? number : raw; // the API says what is wrong with it
      } else {
        body[field.name] = raw;
      }
    }
    return body;
  }

  async function addFault(event) {
    event.preventDefault();
    if (!state.form) return;
    const button = $("fault-add");
    button.disabled = true;
    try {
      const rule = await api("/_mock/faults", faultBody());
      showFaultError(null);
      showToast("Fault rule " + rule.id + " added: " + describeFault(rule) + ".", false);
      await poll();
    } catch (error) {
      if (error.status === 401) askForToken();
      showFaultError("Refused: " + (error.reason || error.message));
    } finally {
      button.disabled = false;
    }
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
        const [listed, accounts, rules] = await Promise.all([
          api("/_mock/messages?limit=" + LIMIT),
          api("/_mock/accounts"),
          api("/_mock/faults"),
        ]);
        if (changes.generation !== state.generation) {
          state.generation = changes.generation;
          state.read = loadRead(changes.generation);
          state.hooks.clear();
        }
        state.cursor = changes.cursor;
        state.messages = listed.messages;
        state.accounts = accounts.accounts;
        state.faults = rules.faults;
        renderFaults();
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

    $("fault-form").addEventListener("submit", addFault);
    $("faults-clear").addEventListener("click", async () => {
      await run($("faults-clear"), () => api("/_mock/faults", undefined, "DELETE"), "Every fault rule removed.");
      keepFocusInFaults();
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
  loadFaultForm();
  poll();
})();
