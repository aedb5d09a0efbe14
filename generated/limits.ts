// Generated from openapi/ by `npm run generate`. Do not edit.

/** Length bounds (in Unicode code points) of the spec's string parameters, checked before sending. */
export const PARAMETER_LIMITS = {
  "task_id": {
    "minLength": 1,
    "maxLength": 255
  },
  "X-Auth-Token": {
    "minLength": 1,
    "maxLength": 16384
  }
} as const;
