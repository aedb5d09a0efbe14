// Generated from openapi/ by `npm run generate`. Do not edit.
export interface paths {
    "/v3/tasks/{task_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the task. *Source*: string, "ID of the specified task", length 0..255. The minimum here is 1,
                 *     not the source's 0: an empty path segment cannot be sent (`/v3/tasks//unlock` is another path).
                 * @example 7a9a9540-ff28-4869-b9e4-855fbe12xxxx
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock the target server of a task
         * @deprecated
         * @description Unlocks the target server of the given migration task. *Source*: "Unlock the target server of a
         *     specified task".
         *
         *     **Deprecated.** The source lists this operation under *Historical APIs*, and the official Huawei Cloud
         *     SDKs removed `UnlockTargetEcs` in 2026-05 (Node.js and Python 3.1.197, Java 3.1.198).
         *
         *     No request body. *Source*: the only documented status codes are 200 (unlocked) and 403
         *     (authentication failed); other failures use the same error envelope (see the service's error-code page).
         */
        post: operations["unlockTargetEcs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The service's error envelope. *Source*, table 4 (403 response body). */
        SmsError: {
            /** @description Detailed errors. */
            details?: components["schemas"]["SmsErrorDetail"][];
            /** @description Encoded authorization message. */
            encoded_authorization_message?: string;
            /** @description Error code, e.g. `SMS.9004`. */
            error_code?: string;
            /** @description Error message. */
            error_msg?: string;
            /** @description Error parameters. */
            error_param?: string[];
        };
        /** @description One detailed error. *Source*, table 5 (`details`). */
        SmsErrorDetail: {
            /** @description SMS error code. */
            error_code?: string;
            /** @description SMS error message. */
            error_msg?: string;
        };
        /**
         * @description *Source*: the body's type is given as "String" but the example is the empty JSON object `{ }`.
         *     Modelled as an object with no documented members; unknown members are allowed so that a field the
         *     service adds later does not break readers.
         */
        UnlockTargetEcsResponse: {
            [key: string]: unknown;
        };
    };
    responses: {
        /**
         * @description Any other failure. The source documents only 403, and says the service's other errors use the same
         *     `error_code` / `error_msg` envelope (see its error-code page).
         */
        Error: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SmsError"];
            };
        };
        /** @description Authentication failed. *Source*, with the source's example. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "SMS.9004",
                 *       "error_msg": "The current account does not have the permission to execute policy You do not have permission to perform action XXX on resource XXX.",
                 *       "encoded_authorization_message": "XXXXXX",
                 *       "error_param": [
                 *         "You do not have permission to perform action XXX on resource XXX."
                 *       ],
                 *       "details": [
                 *         {
                 *           "error_code": "SMS.9004",
                 *           "error_msg": "You do not have permission to perform action XXX on resource XXX."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SmsError"];
            };
        };
        /** @description Unlocked. *Source*: "the target server of the task was unlocked", example body `{ }`. */
        Unlocked: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /** @example {} */
                "application/json": components["schemas"]["UnlockTargetEcsResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description ID of the task. *Source*: string, "ID of the specified task", length 0..255. The minimum here is 1,
         *     not the source's 0: an empty path segment cannot be sent (`/v3/tasks//unlock` is another path).
         * @example 7a9a9540-ff28-4869-b9e4-855fbe12xxxx
         */
        TaskId: string;
        /**
         * @description User token, obtained from IAM's "get user token" API (the value of its `X-Subject-Token` response
         *     header). *Source*: required, length 1..16384. Not required here: the source's own SDK examples
         *     authenticate with an AK/SK signature (`Authorization`) instead, so a request carries one of the two
         *     (see the security schemes).
         */
        XAuthToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description ID of the request, assigned by the service; quote it when asking for support. */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    unlockTargetEcs: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description User token, obtained from IAM's "get user token" API (the value of its `X-Subject-Token` response
                 *     header). *Source*: required, length 1..16384. Not required here: the source's own SDK examples
                 *     authenticate with an AK/SK signature (`Authorization`) instead, so a request carries one of the two
                 *     (see the security schemes).
                 */
                "X-Auth-Token"?: components["parameters"]["XAuthToken"];
            };
            path: {
                /**
                 * @description ID of the task. *Source*: string, "ID of the specified task", length 0..255. The minimum here is 1,
                 *     not the source's 0: an empty path segment cannot be sent (`/v3/tasks//unlock` is another path).
                 * @example 7a9a9540-ff28-4869-b9e4-855fbe12xxxx
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Unlocked"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
}
