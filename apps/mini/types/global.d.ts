/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built: this app ships `weapp` and `h5`. */
    TARO_ENV: 'weapp' | 'h5';
    /** Absolute BFF address baked into the weapp build (config/index.ts). */
    TARO_APP_API_BASE?: string;
    /** WeChat appid written into dist/weapp/project.config.json (see README). */
    TARO_APP_ID?: string;
  }
}
