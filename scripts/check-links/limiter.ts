/**
 * Runs tasks with two limits at once: at most `total` in flight overall and at most
 * `perHost` in flight for any one host. A task waiting for its host never holds an
 * overall slot, so a busy host cannot starve the others.
 */

interface Pending {
  host: string;
  start: () => void;
}

export class HostLimiter {
  private active = 0;
  private readonly activeByHost = new Map<string, number>();
  private readonly queue: Pending[] = [];

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {
    if (!(total >= 1 && perHost >= 1)) {
      throw new RangeError(`并发上限必须至少为 1，收到 total=${total}、perHost=${perHost}`);
    }
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => this.release(host));
      };
      this.queue.push({host, start});
      this.pump();
    });
  }

  /** Tasks in flight for `host` (or overall without an argument). */
  inFlight(host?: string): number {
    return host === undefined ? this.active : (this.activeByHost.get(host) ?? 0);
  }

  private pump(): void {
    let index = 0;
    while (index < this.queue.length && this.active < this.total) {
      const next = this.queue[index];
      if (this.inFlight(next.host) < this.perHost) {
        this.queue.splice(index, 1);
        this.active += 1;
        this.activeByHost.set(next.host, this.inFlight(next.host) + 1);
        next.start();
      } else {
        index += 1;
      }
    }
  }

  private release(host: string): void {
    this.active -= 1;
    const left = this.inFlight(host) - 1;
    if (left === 0) this.activeByHost.delete(host);
    else this.activeByHost.set(host, left);
    this.pump();
  }
}
