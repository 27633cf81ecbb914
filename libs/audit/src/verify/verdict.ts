/** What a verification found wrong: evidence of tampering, or something it could not check. */
export interface Finding {
  readonly kind: 'tampered' | 'unverifiable';
  /** The global position of the first event affected, when one can be named. */
  readonly position?: bigint;
  /**
   * When only a range can be named (a signed root the events no longer give): the first
   * position it may be; the event there or a later one was changed.
   */
  readonly from?: bigint;
  readonly leafIndex?: number;
  readonly message: string;
}

/** Findings kept to be shown; the rest are counted (a bundle may hold 100k broken entries). */
const KEPT_FINDINGS = 100;

/**
 * The outcome of a verification: intact (exit 0), tampered (1: at least one piece of evidence,
 * the first affected position named when there is one) or unverifiable (2: nothing tampered
 * was found, but something could not be checked). Tampering wins over doubt: evidence found
 * stays evidence.
 */
export class Verdict {
  private readonly kept: Finding[] = [];
  private tamperedCount = 0;
  private unverifiableCount = 0;
  private first?: Finding;
  private firstFrom?: Finding;

  add(finding: Finding): void {
    if (finding.kind === 'tampered') {
      this.tamperedCount++;
      const first = this.first?.position;
      if (finding.position !== undefined && (first === undefined || finding.position < first))
        this.first = finding;
      const from = this.firstFrom?.from;
      if (finding.from !== undefined && (from === undefined || finding.from < from))
        this.firstFrom = finding;
    } else this.unverifiableCount++;
    if (this.kept.length < KEPT_FINDINGS) this.kept.push(finding);
  }

  tampered(
    message: string,
    at: { position?: bigint; from?: bigint; leafIndex?: number } = {},
  ): void {
    this.add({ kind: 'tampered', message, ...at });
  }

  unverifiable(message: string): void {
    this.add({ kind: 'unverifiable', message });
  }

  get status(): 'intact' | 'tampered' | 'unverifiable' {
    if (this.tamperedCount > 0) return 'tampered';
    return this.unverifiableCount > 0 ? 'unverifiable' : 'intact';
  }

  /** 0 intact, 1 tampered, 2 could not verify. */
  get exitCode(): 0 | 1 | 2 {
    return ({ intact: 0, tampered: 1, unverifiable: 2 } as const)[this.status];
  }

  /**
   * The tampered finding at the smallest exact position; failing one, the one whose range
   * starts first; undefined when no finding names a position.
   */
  get firstAffected(): Finding | undefined {
    return this.first ?? this.firstFrom;
  }

  /** The findings in the order found (at most the first 100) and how many there were. */
  get findings(): { readonly shown: readonly Finding[]; readonly total: number } {
    return { shown: this.kept, total: this.tamperedCount + this.unverifiableCount };
  }
}
