import * as z from 'zod';
import { lazily } from './lazy-schema';

/** A service id: what settings, keychain accounts, client entries and `connect <id>` use. */
export const INSTANCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The one schema for a service id, with the rule in words. */
export const InstanceId = lazily(() =>
  z
    .string()
    .regex(
      INSTANCE_ID_PATTERN,
      'Use 1–63 lowercase letters, digits and dashes, starting with a letter or digit',
    ),
);
