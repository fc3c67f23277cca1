export declare const EXTRA_PERSONS: number;
export declare const EXTRA_ORGANISATIONS: number;
export declare function addScalePartners(databaseFile: string, persons?: number, organisations?: number): { persons: number; organisations: number };
