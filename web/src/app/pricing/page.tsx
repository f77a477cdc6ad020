export const metadata = { title: "Plans", description: "Premium membership." };

// Plans and checkout come from billing-service once it is merged; until then this page says so.
export default function Pricing() {
  return (
    <>
      <h1>Plans</h1>
      <p>Premium membership unlocks every premium post and series. Checkout opens when billing is available on this site.</p>
    </>
  );
}
