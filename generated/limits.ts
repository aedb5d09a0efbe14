// Generated from openapi/ by `npm run generate`. Do not edit.

/** [minLength, maxLength] (in Unicode code points) of the spec's string parameters, checked before sending. */
export const PARAMETER_LIMITS = {"task_id":[1,255],"X-Auth-Token":[1,16384]} as const;
