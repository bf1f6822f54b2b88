// Element trees and records go into TEXT columns as JSON; these keep the (de)serialisation in one place.
export const naarJson = (v: unknown): string => JSON.stringify(v);
export const uitJson = <T>(s: string | null | undefined, standaard: T): T => (s ? (JSON.parse(s) as T) : standaard);
export const nu = (): string => new Date().toISOString();
