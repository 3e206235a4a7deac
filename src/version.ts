/** The framelens version, read once from package.json so records name what produced them. */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const FRAMELENS_VERSION: string = packageJson.version;
