/** Placeholder cards the size of real ones, so the popup does not jump when results arrive. */
export function LoadingSkeleton() {
  return (
    <div class="skeleton" aria-busy="true" aria-label="Loading the regions on this page">
      {[0, 1].map((i) => (
        <div key={i} class="card skeleton-card" aria-hidden="true">
          <div class="bone bone--title" />
          <div class="bone bone--line" />
          <div class="bone bone--line bone--short" />
          <div class="bone bone--block" />
        </div>
      ))}
    </div>
  );
}
