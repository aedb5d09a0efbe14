// Generated from openapi/ by `npm run generate`. Do not edit.

/** SMS endpoint of each region, from the `servers` of the spec. */
export const SMS_REGIONS = {
  "cn-north-4": "https://sms.cn-north-4.myhuaweicloud.com",
  "ap-southeast-3": "https://sms.ap-southeast-3.myhuaweicloud.com",
  "my-kualalumpur-1": "https://sms.my-kualalumpur-1.myhuaweicloud.com",
  "ru-moscow-1": "https://sms-api.ru-moscow-1.myhuaweicloud.com",
} as const;

/** A region this client knows the endpoint of. */
export type SmsRegion = keyof typeof SMS_REGIONS;
