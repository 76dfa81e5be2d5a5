import { municipalitySchema, regionSchema, type Municipality, type Region } from '@kompetansebro/domain';
import { sequentialUuid } from './ids';

/** Regions of the sample data, with stable ids for tests. */
export const testRegions = {
  trondheim: regionSchema.parse({ id: sequentialUuid(1, 1), name: 'Trondheim', municipalityCount: 1 }),
  namdal: regionSchema.parse({ id: sequentialUuid(1, 2), name: 'Namdal', municipalityCount: 2 }),
  fosen: regionSchema.parse({ id: sequentialUuid(1, 3), name: 'Fosen', municipalityCount: 1 }),
} satisfies Record<string, Region>;

/** A handful of Trøndelag's municipalities (in Norwegian order), enough for filters and selects. */
export const testMunicipalities: Municipality[] = [
  { number: '5001', name: 'Trondheim', region: testRegions.trondheim },
  { number: '5007', name: 'Namsos', region: testRegions.namdal },
  { number: '5049', name: 'Flatanger', region: testRegions.namdal },
  { number: '5058', name: 'Åfjord', region: testRegions.fosen },
].map(({ number, name, region }) => municipalitySchema.parse({ number, name, regionId: region.id, regionName: region.name }));

export function municipalityByNumber(number: string | null): Municipality | undefined {
  return testMunicipalities.find((municipality) => municipality.number === number);
}
