import Link from "next/link";
import { identityApi, type IdentitySchemas } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { SettingsForm } from "@/components/SettingsForm";

export const metadata = { title: "Settings", robots: { index: false } };

export default async function Settings() {
  const token = await requireUser("/account/settings");
  const api = identityApi(token);
  const [me, settings] = await Promise.all([api.GET("/api/v1/users/me"), api.GET("/api/v1/settings")]);
  return (
    <>
      <h1>Settings</h1>
      <p><Link href="/account/sessions">Sessions</Link> · <Link href="/account/billing">Billing</Link> · <Link href="/privacy">Privacy and your data</Link> · <Link href="/notifications">Notifications</Link></p>
      <SettingsForm profile={me.data as IdentitySchemas["ProfileResponse"]} settings={settings.data as IdentitySchemas["SettingsBody"]} />
    </>
  );
}
