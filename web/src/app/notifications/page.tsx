import { notifyApi, type NotifySchemas } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { LiveNotifications } from "@/components/LiveNotifications";

export const metadata = { title: "Notifications", robots: { index: false } };

export default async function Notifications() {
  const token = await requireUser("/notifications");
  const { data } = await notifyApi(token).GET("/api/v1/notifications", { params: { query: { page: 0, size: 30 } } });
  const page = data as NotifySchemas["NotificationPage"] | undefined;
  return (
    <>
      <h1>Notifications</h1>
      <LiveNotifications initial={(page?.items ?? []) as NotifySchemas["NotificationResponse"][]} />
    </>
  );
}
