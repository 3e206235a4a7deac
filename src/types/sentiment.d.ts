// Minimal types for `sentiment` 5.0.2 (it ships none): only what framelens uses.
declare module 'sentiment' {
  interface SentimentResult {
    score: number;
    comparative: number;
    calculation: Array<Record<string, number>>;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  }
  class Sentiment {
    analyze(phrase: string): SentimentResult;
  }
  export default Sentiment;
}
