/** `joinRoute('/llm-books/', '/timeline/')` → `/llm-books/timeline`; an empty route is the baseUrl. */
export function joinRoute(baseUrl: string, route: string): string {
  const trimmed = route.replace(/^\/+|\/+$/g, '');
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return trimmed === '' ? base : `${base}${trimmed}`;
}
