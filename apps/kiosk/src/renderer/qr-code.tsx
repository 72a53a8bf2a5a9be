import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code as one SVG path (crisp at any size, no canvas, no data: URL for the CSP to weigh). Dark
 * modules on white with the 4-module quiet zone the standard asks for, whatever the page's colours.
 */
export function QrCode(props: { text: string; label: string; size?: number }) {
  const { text, label, size = 200 } = props;
  const { d, n } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const count = qr.modules.size;
    let path = '';
    for (let r = 0; r < count; r++) {
      for (let c = 0; c < count; c++) if (qr.modules.get(r, c)) path += `M${c + 4} ${r + 4}h1v1h-1z`;
    }
    return { d: path, n: count + 8 };
  }, [text]);
  return (
    <svg className="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n} ${n}`}>
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" shapeRendering="crispEdges" />
    </svg>
  );
}
