import { membershipTimelineEvents } from './membership-source.ts';
import { registryTimelineEvents } from './registry-source.ts';
import { registerTimelineSource } from './sources.ts';

// The registry's own sources; other modules register theirs the same way from their own folders.
registerTimelineSource('registry', registryTimelineEvents);
registerTimelineSource('membership', membershipTimelineEvents);
