/**
 * H5 only: reads a QR code with the phone's camera inside the page (getUserMedia + jsQR), so a
 * marshal at the coach door needs no second scanner app. A full-screen layer with the live
 * picture and a 取消 button is laid over the page while it looks; it resolves with the decoded
 * text, or null when the marshal cancels or the camera cannot be opened (the typed box stays).
 * jsQR is loaded on the first scan, so the login screen never downloads it.
 */

/** Why the camera could not be used, in words for the marshal. */
export class CameraUnavailable extends Error {}

const LAYER_STYLE =
  'position:fixed;inset:0;z-index:10000;background:#000;display:flex;flex-direction:column;' +
  'align-items:center;justify-content:center;gap:16px;';
const HINT_STYLE = 'color:#fff;font-size:18px;line-height:1.5;text-align:center;padding:0 16px;';
const CANCEL_STYLE =
  'min-height:48px;min-width:160px;font-size:18px;border-radius:24px;border:2px solid #fff;' +
  'background:transparent;color:#fff;';

function buildLayer(): { layer: HTMLDivElement; video: HTMLVideoElement; cancel: HTMLButtonElement } {
  const layer = document.createElement('div');
  layer.className = 'camera-scan';
  layer.setAttribute('role', 'dialog');
  layer.setAttribute('aria-label', '扫描上车码');
  layer.style.cssText = LAYER_STYLE;
  const video = document.createElement('video');
  video.setAttribute('playsinline', 'true');
  video.muted = true;
  video.style.cssText = 'width:100%;max-height:70vh;object-fit:cover;';
  const hint = document.createElement('div');
  hint.style.cssText = HINT_STYLE;
  hint.textContent = '把乘客的上车码放进画面中，识别后自动填入';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.style.cssText = CANCEL_STYLE;
  cancel.textContent = '取消';
  layer.append(video, hint, cancel);
  return { layer, video, cancel };
}

/** Opens the rear camera; throws CameraUnavailable with a Chinese reason. */
async function openCamera(): Promise<MediaStream> {
  const media = (globalThis as { navigator?: Navigator }).navigator?.mediaDevices;
  if (!media?.getUserMedia) throw new CameraUnavailable('此浏览器不能使用相机，请手动输入上车码');
  try {
    return await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (error) {
    const denied = (error as { name?: string }).name === 'NotAllowedError';
    throw new CameraUnavailable(
      denied ? '未获得相机权限，请在浏览器设置中允许，或手动输入上车码' : '相机打不开，请手动输入上车码',
    );
  }
}

/** True when this browser can at least ask for the camera. */
export function browserHasCamera(): boolean {
  return Boolean((globalThis as { navigator?: Navigator }).navigator?.mediaDevices?.getUserMedia);
}

/**
 * Shows the camera until a QR code is read or the marshal taps 取消. Frames are decoded about
 * eight times a second on a downscaled copy (≤ 640 px wide): enough for a code held at the door,
 * light enough for a budget phone.
 */
export async function scanWithCamera(): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  const stream = await openCamera();
  const { layer, video, cancel } = buildLayer();
  document.body.appendChild(layer);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    if (timer) clearTimeout(timer);
    stream.getTracks().forEach((track) => track.stop());
    layer.remove();
  };
  return new Promise<string | null>((resolve) => {
    cancel.onclick = () => {
      close();
      resolve(null);
    };
    const look = () => {
      if (context && video.videoWidth > 0) {
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          close();
          resolve(found.data);
          return;
        }
      }
      timer = setTimeout(look, 120);
    };
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    look();
  });
}
