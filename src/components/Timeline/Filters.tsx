import type {ReactNode} from 'react';
import type {FacetOption} from '@site/plugins/timeline/types';
import styles from './styles.module.css';

interface FacetProps {
  legend: string;
  options: FacetOption[];
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  /** Until the page has hydrated the boxes would change without filtering anything. */
  disabled: boolean;
}

/** One group of checkboxes, with buttons to select all or none. */
export function Facet({legend, options, selected, onChange, disabled}: FacetProps): ReactNode {
  const toggle = (value: string) => {
    const next = new Set(selected);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange(next);
  };
  return (
    <fieldset className={styles.facet} disabled={disabled}>
      <legend className={styles.facetLegend}>{legend}</legend>
      <div className={styles.facetActions}>
        <button type="button" className="button button--sm button--secondary" onClick={() => onChange(new Set(options.map((o) => o.value)))}>
          全选
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={() => onChange(new Set())}>
          清空
        </button>
      </div>
      <ul className={styles.facetList}>
        {options.map((o) => (
          <li key={o.value}>
            <label className={styles.facetOption}>
              <input type="checkbox" value={o.value} checked={selected.has(o.value)} onChange={() => toggle(o.value)} />
              {o.label}
              <span className={styles.count}>（{o.count}）</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
