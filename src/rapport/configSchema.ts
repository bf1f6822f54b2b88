// Configuration of the management report (`node dist/main.js rapport`): the smallest count it publishes.
import { z } from 'zod';

export const rapportSchema = z
  .strictObject({
    /**
     * Cells counting fewer zaken than this (but more than none) are written empty, and so are figures derived from
     * fewer (a median of 3 lead times): a small count may point to a family. 1 publishes everything.
     */
    minimumAantal: z.number().int().min(1).max(1000).default(5),
  })
  .prefault({});
