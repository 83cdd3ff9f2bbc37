export default function Home() {
  return (
    <main>
      <h1>Home</h1>
      <p>The banner comes from a client component; the analytics tag waits for consent.</p>
    </main>
  );
}
