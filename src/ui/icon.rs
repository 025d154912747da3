//! The window icon: twelve chairs in a circle, drawn in code so no image decoder is needed.

/// Side of the square icon, in pixels.
pub const ICON_SIZE: u32 = 128;

/// The icon as RGBA bytes, `ICON_SIZE` x `ICON_SIZE`.
pub fn icon_rgba() -> Vec<u8> {
    let size = ICON_SIZE as f32;
    let center = size / 2.0;
    let background: [u8; 3] = [0x2E, 0x6A, 0x88];
    let dot: [u8; 3] = [0xF5, 0xF3, 0xEE];
    let chairs: Vec<(f32, f32)> = (0..12)
        .map(|i| {
            let angle = i as f32 / 12.0 * std::f32::consts::TAU;
            (center + 38.0 * angle.cos(), center + 38.0 * angle.sin())
        })
        .collect();
    let mut rgba = Vec::with_capacity((ICON_SIZE * ICON_SIZE * 4) as usize);
    for y in 0..ICON_SIZE {
        for x in 0..ICON_SIZE {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            // A rounded square with soft edges.
            let corner = 26.0;
            let qx = ((px - center).abs() - (center - corner)).max(0.0);
            let qy = ((py - center).abs() - (center - corner)).max(0.0);
            let outside = (qx * qx + qy * qy).sqrt() - corner;
            let alpha = (0.5 - outside).clamp(0.0, 1.0);
            let nearest = chairs
                .iter()
                .map(|(cx, cy)| ((px - cx).powi(2) + (py - cy).powi(2)).sqrt())
                .fold(f32::MAX, f32::min);
            let on_dot = (9.5 - nearest).clamp(0.0, 1.0);
            for c in 0..3 {
                let value = f32::from(background[c]) * (1.0 - on_dot) + f32::from(dot[c]) * on_dot;
                rgba.push(value.round() as u8);
            }
            rgba.push((alpha * 255.0).round() as u8);
        }
    }
    rgba
}
