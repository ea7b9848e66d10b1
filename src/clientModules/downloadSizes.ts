/**
 * Fills the sizes of the footer's download links (`[data-download-size="pdf"]`) from
 * `downloads/manifest.json`, which `npm run ebook` writes after the build (so the sizes
 * cannot be in the built HTML). Without the manifest the links show without sizes.
 */
import siteConfig from '@generated/docusaurus.config';
import {DOWNLOADS_MANIFEST, formatBytes, type DownloadsManifest} from '@site/core/downloads';

let manifest: Promise<DownloadsManifest | undefined> | undefined;

function loadManifest(): Promise<DownloadsManifest | undefined> {
  manifest ??= fetch(`${siteConfig.baseUrl}${DOWNLOADS_MANIFEST}`)
    .then((response) => (response.ok ? (response.json() as Promise<DownloadsManifest>) : undefined))
    .catch(() => undefined);
  return manifest;
}

export function onRouteDidUpdate(): void {
  void loadManifest().then((data) => {
    if (!data) return;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-download-size]'))) {
      const bytes = data.files.find((file) => file.format === el.dataset.downloadSize)?.bytes;
      if (bytes) el.textContent = `（${formatBytes(bytes)}）`;
    }
  });
}
