/**
 * Links to the downloadable editions (PDF, EPUB) with their sizes, plus llms.txt.
 * Sizes come from `downloads/manifest.json`, written by `npm run ebook` after the build;
 * where it is missing (`npm start`), the links show without sizes.
 */
import React, {useEffect, useState, type ReactNode} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {DOWNLOADS, DOWNLOADS_MANIFEST, formatBytes, type DownloadsManifest} from '@site/core/downloads';

/** Fetch the manifest once per page; undefined until it arrives or when there is none. */
export function useDownloadsManifest(): DownloadsManifest | undefined {
  const url = useBaseUrl(`/${DOWNLOADS_MANIFEST}`);
  const [manifest, setManifest] = useState<DownloadsManifest>();
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<DownloadsManifest>) : undefined))
      .then((data) => live && setManifest(data))
      .catch(() => undefined); // no downloads yet (npm start): the links show without sizes
    return () => {
      live = false;
    };
  }, [url]);
  return manifest;
}

export default function Downloads({className}: {className?: string}): ReactNode {
  const manifest = useDownloadsManifest();
  const base = useBaseUrl('/');
  return (
    <ul className={className} aria-label="下载整本书">
      {DOWNLOADS.map((download) => {
        const bytes = manifest?.files.find((file) => file.format === download.format)?.bytes;
        return (
          <li key={download.format}>
            <a href={`${base}${download.path}`} download type={download.type} data-download={download.format}>
              下载 {download.label}
              {bytes ? `（${formatBytes(bytes)}）` : ''}
            </a>
          </li>
        );
      })}
      <li>
        <a href={`${base}llms.txt`}>llms.txt</a>
      </li>
    </ul>
  );
}
