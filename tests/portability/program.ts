// A user's program against the spec's TypeScript types: openapi-fetch, no casts, no `!`.
// tests/portability/test_typescript.py compiles it with `tsc --strict`.
import createClient from "openapi-fetch";
import type { components, paths } from "./turkeysms";

type WebhookEvent = components["schemas"]["WebhookEvent"];

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8080" });

export async function sendOne(apiKey: string): Promise<number> {
  const { data, error } = await client.POST("/sms/send", {
    body: { api_key: apiKey, title: "MyCompany", text: "Hello!", sentto: "905321234567", sms_lang: 0 },
  });
  if (error) {
    // Every error answer is the one JSON envelope.
    const code: string = error.result_code;
    throw new Error(`${code}: ${error.result_message}`);
  }
  const parts: number = data.number_of_sms;
  const country: string = data.country;
  console.log(parts, country);
  return data.sms_id;
}

export async function sendOtp(apiKey: string): Promise<string> {
  const { data, error } = await client.POST("/otp/send", { body: { api_key: apiKey, mobile: "905321234567" } });
  if (error) throw new Error(error.result_code);
  return data.otp_code;
}

export async function canSendOtp(apiKey: string): Promise<boolean> {
  const { data, error } = await client.POST("/auth/check", { body: { api_key: apiKey } });
  if (error) return false;
  const main: number = data.account_summary.balance.main;
  console.log(main);
  return data.key_details.permissions.send_otp;
}

export async function bulk(apiKey: string, numbers: string[]): Promise<string[]> {
  const { data, error } = await client.POST("/group/send", {
    body: { api_key: apiKey, title: "MyCompany", text: "Hi all", sentto: numbers },
  });
  if (error) throw new Error(error.result_code);
  const recipients: number = data.number_of_recipients;
  console.log(recipients);
  return data.blacklisted;
}

export async function groupNames(apiKey: string): Promise<string[]> {
  const { data, error } = await client.POST("/groups/list", { body: { api_key: apiKey, search: "Team" } });
  if (error) throw new Error(error.result_code);
  return data.groups.map((group) => group.name);
}

export async function deliveredNumbers(apiKey: string, smsId: number): Promise<string[]> {
  const { data, error } = await client.POST("/reports/detailed", {
    body: { api_key: apiKey, raporid: smsId, page: 1 },
  });
  if (error) throw new Error(error.result_code);
  console.log(data.pagination.total_pages);
  return data.data
    .filter((record) => record.sms_status.startsWith("Number received"))
    .map((record) => record.phone_number);
}

export async function isBlocked(apiKey: string, number: string): Promise<boolean> {
  const { data, error } = await client.POST("/blacklist/status", { body: { api_key: apiKey, number } });
  if (error) throw new Error(error.result_code);
  return data.is_blocked;
}

export function describe(event: WebhookEvent): string {
  return `${event.data.sms_id} ${event.data.status} at ${event.data.updated_at}`;
}
