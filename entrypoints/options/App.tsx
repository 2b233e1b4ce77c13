export function App() {
  return <main>Options</main>;
}
