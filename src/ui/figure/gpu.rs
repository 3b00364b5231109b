//! Drawing egui's output into an image off screen: a wgpu device of its
//! own (a software rasterizer such as lavapipe when there is no GPU), no
//! window and no display. walkers draws the vector basemap through the
//! same device, as in the app's window.

use std::iter::once;
use std::sync::mpsc::channel;
use std::time::Duration;

use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};
use egui::{FullOutput, TexturesDelta};
use image::RgbaImage;

/// How long to wait for the device to finish a picture. A software
/// rasterizer takes seconds over a print-sized figure; a lost device must
/// not hang the command.
const WAIT: Duration = Duration::from_mins(1);

/// A headless renderer of egui frames.
pub struct OffscreenRenderer {
    state: RenderState,
    /// Textures egui let go of, freed once the frame in flight is drawn.
    freed: Vec<egui::TextureId>,
}

impl OffscreenRenderer {
    /// A device for drawing off screen, preferring a real GPU and taking a
    /// software one (Mesa's lavapipe, `mesa-vulkan-drivers`) otherwise.
    ///
    /// # Errors
    /// When the system has no Vulkan, Metal, DirectX or GL device at all.
    pub fn new() -> Result<Self, String> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let configuration = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let state = pollster::block_on(RenderState::create(
            &configuration,
            &instance,
            None,
            egui_wgpu::RendererOptions::default(),
        ))
        .map_err(|err| {
            format!(
                "no graphics device to draw the picture with ({err}); \
                 install a Vulkan or GL driver (on Debian and Ubuntu, `mesa-vulkan-drivers` \
                 draws without a GPU)"
            )
        })?;
        walkers::install_renderer(Some(&state));
        Ok(Self {
            state,
            freed: Vec::new(),
        })
    }

    /// The largest width or height of a picture this device can draw.
    pub fn max_side(&self) -> u32 {
        self.state.device.limits().max_texture_dimension_2d
    }

    /// Takes egui's new and freed textures (fonts, tiles); every pass's
    /// must be taken, drawn or not, or later frames miss their textures.
    /// Freed ones go at the next pass, after the frame that last used
    /// them was drawn.
    // Which texture is updated first does not matter.
    #[expect(clippy::iter_over_hash_type)]
    pub fn take_textures(&mut self, delta: &mut TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        for id in self.freed.drain(..) {
            renderer.free_texture(&id);
        }
        for (id, images) in delta.set.drain() {
            for image in images {
                renderer.update_texture(&self.state.device, &self.state.queue, id, &image);
            }
        }
        self.freed.extend(delta.free.drain());
    }

    /// Draws `output` (whose textures were taken) into a picture of
    /// `size` pixels.
    ///
    /// # Errors
    /// When the device is lost or does not finish in time.
    pub fn draw(
        &mut self,
        ctx: &egui::Context,
        output: FullOutput,
        size: [u32; 2],
    ) -> Result<RgbaImage, String> {
        let device = &self.state.device;
        let queue = &self.state.queue;
        let screen = ScreenDescriptor {
            size_in_pixels: size,
            pixels_per_point: output.pixels_per_point,
        };
        let triangles = ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("legation figure"),
        });
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("legation figure"),
            size: wgpu::Extent3d {
                width: size[0],
                height: size[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut renderer = self.state.renderer.write();
        let callbacks = renderer.update_buffers(device, queue, &mut encoder, &triangles, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("legation figure"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &triangles, &screen);
        }
        drop(renderer);
        queue.submit(callbacks.into_iter().chain(once(encoder.finish())));
        self.read_back(&texture)
    }

    /// Copies a drawn texture into memory, row by row without wgpu's
    /// padding.
    fn read_back(&self, texture: &wgpu::Texture) -> Result<RgbaImage, String> {
        let device = &self.state.device;
        let (width, height) = (texture.width(), texture.height());
        let row = width as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded_row = row.div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("legation figure read-back"),
            size: (padded_row * height as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("legation figure read-back"),
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded_row as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        let submission = self.state.queue.submit(once(encoder.finish()));
        let slice = buffer.slice(..);
        let (sender, receiver) = channel();
        slice.map_async(wgpu::MapMode::Read, move |mapped| drop(sender.send(mapped)));
        let lost = |err: &dyn std::fmt::Display| format!("the graphics device failed: {err}");
        device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(WAIT),
            })
            .map_err(|err| lost(&err))?;
        receiver
            .recv_timeout(WAIT)
            .map_err(|err| lost(&err))?
            .map_err(|err| lost(&err))?;
        let mapped = slice.get_mapped_range().map_err(|err| lost(&err))?;
        let mut pixels = Vec::with_capacity(row * height as usize);
        for padded in mapped.chunks_exact(padded_row) {
            pixels.extend_from_slice(&padded[..row]);
        }
        drop(mapped);
        let mut image = RgbaImage::from_raw(width, height, pixels)
            .ok_or_else(|| "the picture came back malformed".to_owned())?;
        if self.state.target_format == wgpu::TextureFormat::Bgra8Unorm {
            for pixel in image.pixels_mut() {
                pixel.0.swap(0, 2);
            }
        }
        Ok(image)
    }
}
