import { Transform } from 'class-transformer';

/** `?overdue=true` arrives as a string; anything but true/false stays a string and fails @IsBoolean. */
export const BooleanQuery = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
