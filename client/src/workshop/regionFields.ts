/**
 * The rules of a region's three fields (name, country, NUTS code) as the settings dialog says them:
 * the schema's check of one field, and the field's length limit.
 */
import { regionSchema } from '@shared/domain/s3';

export type RegionField = 'name' | 'country' | 'nuts';

export const REGION_FIELD_MAX: Record<RegionField, number> = { name: 120, country: 80, nuts: 40 };

/** The field when its value is refused by the schema, or null when it is valid. */
export function regionFieldError(key: RegionField, value: string): RegionField | null {
  const parsed = regionSchema.shape[key].safeParse(value);
  return parsed.success ? null : key;
}

export const upper = (value: string) => value.toUpperCase();
