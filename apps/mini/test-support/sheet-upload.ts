/**
 * The console's sheet uploads (批量授权, 名录导入) as the command does them: pick a file, then send
 * it. The test file replaces the platform's chooseDocument, uploadPhoto and downloadFile with
 * jest.fn() (jest.mock is hoisted per test file, so it cannot live here); these drive them.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { chooseDocument, uploadPhoto } from '../src/platform';

/** Lets the page's promise chains (pick, upload, reload) settle. */
export const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

/** Taps 选择文件 and picks `file` in the system's document chooser. */
export async function chooseSheet(file: { path: string; name: string; size: number }): Promise<void> {
  (chooseDocument as jest.Mock).mockResolvedValue(file);
  fireEvent.click(screen.getByText('选择文件'));
  await flush();
}

/** Taps the send button (`label`), the server answering the upload with `reply`. */
export async function sendSheet(label: string, reply: { statusCode: number; data: unknown }): Promise<void> {
  (uploadPhoto as jest.Mock).mockResolvedValue(reply);
  fireEvent.click(screen.getByText(label));
  await flush();
}
