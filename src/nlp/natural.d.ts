// Types for the one deep import of `natural` framelens uses (see porter.ts). The package
// root is never imported: it loads database clients and reads `.env` (style.md).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
