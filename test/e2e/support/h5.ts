/**
 * Finding things on the H5 build and signing in, shared by the browser tests. Taro's H5 renders
 * inputs and buttons as custom elements (<taro-input-core>, <taro-button-core>) wrapping the
 * native ones, so these locate by accessible name or exact label rather than by tag.
 */
import type { Page } from 'playwright-core';
import { otpCodes, readOtp, type Stack } from './stack';
import { shot } from './browser';

/** The native text box with this placeholder. */
export const field = (page: Page, placeholder: string) => page.getByRole('textbox', { name: placeholder });

/** A Taro/NutUI button by its exact label. */
export const button = (page: Page, label: string) =>
  page.locator('taro-button-core', { hasText: new RegExp(`^\\s*${label}\\s*$`) });

/**
 * Opens the app, asks for a code for `phone`, reads it from the BFF log, signs in and waits for
 * home. With `screenshotPrefix`, also saves the empty and the filled sign-in form.
 */
export async function signIn(
  stack: Stack,
  page: Page,
  phone: string,
  screenshotPrefix?: string,
): Promise<void> {
  await page.goto(stack.webUrl);
  await field(page, '请输入 11 位手机号').waitFor();
  if (screenshotPrefix) await shot(page, `${screenshotPrefix}-login`);
  await field(page, '请输入 11 位手机号').fill(phone);
  const seenBefore = otpCodes(stack, phone).length;
  await button(page, '获取验证码').click();
  await page.getByText(/\d+ 秒后重发/).waitFor();
  await field(page, '6 位验证码').fill(await readOtp(stack, phone, seenBefore));
  if (screenshotPrefix) await shot(page, `${screenshotPrefix}-login-filled`);
  await button(page, '登录').click();
  await page.waitForURL(/pages\/home\/index/);
}
