/**
 * `npm run bench`: prints one line per figure, `bench: NAME VALUE UNIT` (DESIGN.md §4), then
 * exits 0. Ratios compare against a baseline measured in this same process.
 */
import { benchEngine } from './bench-engine';

const print = (name: string, value: number, unit: string) => console.log(`bench: ${name} ${value} ${unit}`);
benchEngine(print);
