export default function About() {
  return (
    <main>
      <h1>About</h1>
      <p>Reached with a client-side navigation: still one banner, one consent instance.</p>
    </main>
  );
}
