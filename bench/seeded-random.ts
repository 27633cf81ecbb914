const HEX = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));

/**
 * A seeded pseudo-random source (mulberry32): the benchmarks' data is the same on every run,
 * so two runs measure the same rows, and a missed goal can be reproduced.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A random-looking UUID (version 4 layout), as Partner Center's tenant ids look. */
  uuid(): string {
    const b: string[] = [];
    for (let word = 0; word < 4; word++) {
      const bits = this.uint32();
      b.push(
        HEX[bits >>> 24]!,
        HEX[(bits >>> 16) & 255]!,
        HEX[(bits >>> 8) & 255]!,
        HEX[bits & 255]!,
      );
    }
    b[6] = `4${b[6]![1]}`;
    b[8] = HEX[0x80 | (parseInt(b[8]!, 16) & 0x3f)]!;
    return `${b[0]}${b[1]}${b[2]}${b[3]}-${b[4]}${b[5]}-${b[6]}${b[7]}-${b[8]}${b[9]}-${b.slice(10).join('')}`;
  }
}
