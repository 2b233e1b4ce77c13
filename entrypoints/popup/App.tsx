export function App() {
  return <main>Five-Year Plan Lens</main>;
}
