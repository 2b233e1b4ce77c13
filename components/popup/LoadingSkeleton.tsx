/**
 * Placeholder rows laid out exactly like the real list (same heading, note and row box), so
 * the first region row appears where the first placeholder was: no jump when results arrive.
 */
export function LoadingSkeleton() {
  return (
    <section class="regions skeleton" aria-busy="true" aria-labelledby="loading-heading">
      <div class="regions-heading-row">
        <h2 id="loading-heading" class="section-heading">
          Reading this page…
        </h2>
      </div>
      <p class="subtle">Looking for the regions it names.</p>
      <div class="cards" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} class="card skeleton-card">
            <div class="bone bone--title" />
            <div class="bone bone--line bone--short" />
          </div>
        ))}
      </div>
    </section>
  );
}
