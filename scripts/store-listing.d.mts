export interface Listing {
  locale: string;
  name: string;
  summary: string;
  description: string[];
}
export function readListings(storeDir: string): Promise<Listing[]>;
export function listingText(listing: Omit<Listing, 'locale'>): string;
export function copyStore(options: { storeDir: string; outDir: string }): Promise<string>;
