import type { MountUI } from '../core/types';

/** Mounts the banner and preferences dialog. (Being built: issue 5.) */
export const mountUI: MountUI = () => () => undefined;
