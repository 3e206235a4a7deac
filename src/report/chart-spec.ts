/** Chart.js configurations as plain JSON (no functions), so they can live in a data block. */

export interface Dataset {
  label: string;
  data: (number | null | [number, number])[];
  backgroundColor?: string | string[];
  borderColor?: string | string[];
  borderWidth?: number;
  type?: 'bar' | 'line';
  showLine?: boolean;
  pointRadius?: number;
  pointStyle?: string;
  fill?: boolean;
  tension?: number;
  stack?: string;
  order?: number;
}

export interface ChartSpec {
  type: 'bar' | 'line';
  data: { labels: (string | string[])[]; datasets: Dataset[] };
  options: Record<string, unknown>;
}

export interface BarOptions {
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly legend?: boolean;
  /** The values are counts: no 0.5 ticks. */
  readonly counts?: boolean;
}

function axisTitle(text: string | undefined): Record<string, unknown> {
  return text ? { title: { display: true, text } } : {};
}

export function barChart(labels: (string | string[])[], datasets: Dataset[], options: BarOptions = {}): ChartSpec {
  const stacked = options.stacked ?? false;
  const ticks = options.counts ? { ticks: { precision: 0 } } : {};
  const valueAxis = options.horizontal ? 'x' : 'y';
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      indexAxis: options.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: options.legend ?? true, position: 'bottom', labels: { boxWidth: 14 } } },
      scales: {
        x: { stacked, beginAtZero: true, ...axisTitle(options.xTitle), ...(valueAxis === 'x' ? ticks : {}) },
        y: { stacked, beginAtZero: true, ...axisTitle(options.yTitle), ...(valueAxis === 'y' ? ticks : {}) },
      },
    },
  };
}
