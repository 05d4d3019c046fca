#!/usr/bin/env python3
"""Writes the seeds of the `app` fuzz target: event scripts encoded as the
`arbitrary` crate (1.5) decodes `kiosk_fuzz::events::Script`.

    python3 fuzz/seeds/app.py fuzz/corpus/app

The variant lists below follow the order of the enums in
fuzz/src/events.rs; change both together. Check a seed with
`KIOSK_FUZZ_TRACE=1 cargo fuzz run app corpus/app/SEED`, which prints
each event and the screen after it.

The format: integers little-endian; an enum variant as a u32 x with
(x * variants) >> 32 = index; a bool as a byte (odd = true); each event
of the list after a byte 1, the list ended by a byte 0; a string's bytes
in place and its length as one byte taken from the end of the input
(inputs of at most 256 bytes), so lengths are appended in reverse order.
"""
import os
import struct
import sys

class Enc:
    def __init__(self):
        self.front = bytearray(); self.back = []
    def u8(self, v): self.front += struct.pack('<B', v & 0xff)
    def u16(self, v): self.front += struct.pack('<H', v & 0xffff)
    def u32(self, v): self.front += struct.pack('<I', v & 0xffffffff)
    def i32(self, v): self.front += struct.pack('<i', v)
    def variant(self, idx, count): self.u32(((idx << 32) // count) + 1)
    def boolean(self, b): self.u8(1 if b else 0)
    def char(self, c): self.u32(ord(c))
    def string(self, s):
        b = s.encode('utf-8'); self.back.append(len(b)); self.front += b
    def done(self):
        out = bytes(self.front) + b'\x00' + bytes(reversed(self.back))
        assert len(out) <= 256, len(out)
        return out

EV = dict(Key=0, Type=1, Mouse=2, Paste=3, Resize=4, Wake=5, Wait=6, Jump=7, Answer=8,
          NowServing=9, External=10, Deck=11, Config=12, Chord=13, Pin=14, Staff=15, CheckIn=16)
CODES = ['Backspace','Enter','Left','Right','Up','Down','Home','End','PageUp','PageDown','Tab',
         'BackTab','Delete','Insert','F','Char','Ascii','Null','Esc','CapsLock','ScrollLock',
         'NumLock','PrintScreen','Pause','Menu','KeypadBegin','Media','Modifier']
MOUSE = ['Down','Up','Drag','Moved','ScrollDown','ScrollUp','ScrollLeft','ScrollRight']

def script(config, start, w, h, events):
    e = Enc(); e.u8(config); e.i32(start); e.u16(w); e.u16(h)
    for ev in events:
        e.u8(1)  # keep going
        name, *args = ev
        e.variant(EV[name], 17)
        if name == 'Key':
            code, arg, mods, kind = args
            e.variant(CODES.index(code), len(CODES))
            if code == 'Char': e.char(arg)
            elif code in ('F', 'Ascii', 'Media', 'Modifier'): e.u8(arg)
            e.u8(mods); e.u8(kind)
        elif name in ('Type', 'Paste'): e.string(args[0])
        elif name == 'Mouse':
            kind, button, col, row, mods = args
            e.variant(MOUSE.index(kind), len(MOUSE))
            if kind in ('Down', 'Up', 'Drag'): e.u8(button)
            e.u16(col); e.u16(row); e.u8(mods)
        elif name == 'Resize': e.u16(args[0]); e.u16(args[1])
        elif name == 'Wait': e.u32(args[0])
        elif name == 'Jump': e.i32(args[0])
        elif name == 'Answer': e.u8(args[0]); e.u32(args[1]); e.string(args[2])
        elif name == 'NowServing':
            e.boolean(args[0] is not None)
            if args[0] is not None: e.u32(args[0])
        elif name == 'External':
            minutes, status = args; e.u16(minutes); e.u8(status); e.u8(0)  # no fields
        elif name == 'Deck':
            keep, extra = args; e.u32(keep); e.boolean(extra is not None)
            if extra is not None: e.u8(extra[0]); e.string(extra[1])
        elif name == 'Config':
            kind, arg = args
            if kind == 'Fixture': e.variant(0, 2); e.u8(arg)
            else: e.variant(1, 2); e.boolean(True); e.string(arg)
        elif name == 'Pin': e.boolean(args[0])
        elif name == 'CheckIn': e.u8(args[0])
    return e.done()

ENTER = ('Key', 'Enter', None, 0, 0)
seeds = {
  # A patient checks in on the bundled configuration; the save works.
  'seed-checkin-saved': script(0, 0, 100, 30, [
      ('CheckIn', 0), ('Answer', 0, 0, ''), ('Wake',), ('Wake',), ('Key', 'Char', 'x', 0, 0),
      ('Wake',), ('Wait', 12000), ('Wake',)]),
  # The longer form (every kind of question); the save fails, then a duplicate.
  'seed-checkin-failed': script(2, 3600, 120, 40, [
      ('CheckIn', 1), ('Answer', 2, 0, 'disk I/O error\x1b[2J'), ('Wake',),
      ('Mouse', 'Down', 0, 60, 20, 0), ('CheckIn', 2), ('Answer', 1, 4294967295, ''),
      ('Wake',), ('Resize', 30, 9)]),
  # Typing into the form: controls, wide and combining characters, paste,
  # editing keys, the idle countdown, resizes to nothing and to the largest.
  'seed-form-typing': script(2, 0, 80, 24, [
      ENTER, ('Key', 'Char', '\x1b', 0, 0), ('Key', 'Char', '李', 0, 0),
      ('Key', 'Char', '\u0301', 0, 0), ('Key', 'Char', '\u009b', 0, 0),
      ('Paste', 'Zo\u00eb\t\x07O\'Brien\r\n'), ('Key', 'Left', None, 0, 0),
      ('Key', 'Backspace', None, 0, 0), ('Key', 'Tab', None, 0, 0),
      ('Key', 'F', 12, 0, 0), ('Key', 'Char', 'a', 2, 0), ('Key', 'Down', None, 1, 3),
      ('Resize', 0, 0), ('Resize', 0xffff, 0xffff), ('Wait', 50000), ('Wake',),
      ('Wake',), ('Key', 'Esc', None, 0, 0)]),
  # Staff mode: the queue with check-ins from elsewhere, calling, undo,
  # a banner, a reload that finds kiosk.toml unreadable.
  'seed-staff': script(1, -7200, 100, 30, [
      ('External', 30, 0), ('External', 5, 1), ('Staff',), ('Answer', 0, 0, ''),
      ('Answer', 0, 0, ''), ('Key', 'Char', 'c', 0, 0), ('Answer', 0, 0, ''),
      ('Key', 'Char', 'u', 0, 0), ('Answer', 0, 0, ''), ('Key', 'Char', 'm', 0, 0),
      ('Type', 'Back at 2'), ('Key', 'Tab', None, 0, 0), ('Type', '14:00'), ENTER,
      ('Key', 'Char', 'r', 0, 0), ('Answer', 2, 0, ''), ('Key', 'Char', 'p', 0, 0),
      ('Key', 'Esc', None, 0, 0), ('Wake',)]),
  # Wrong PINs until staff mode locks, the clock jumping back and forth, the
  # touch-screen corner, now serving.
  'seed-pin-lockout': script(3, 0, 90, 28, [
      ('Chord',), ('Pin', False), ('Pin', False), ('Pin', False), ('Pin', False),
      ('Pin', False), ('Key', 'Esc', None, 0, 0), ('Jump', -86400), ('Jump', 400),
      ('Mouse', 'Down', 0, 0, 0, 0), ('Wait', 3500), ('Mouse', 'Up', 0, 0, 0, 0),
      ('NowServing', 14), ('Wake',)]),
  # Slides: stepping, touching, content and kiosk.toml edited while running.
  'seed-slides-reload': script(4, 0, 160, 50, [
      ('Key', 'Right', None, 0, 0), ('Mouse', 'Down', 0, 150, 20, 0),
      ('Mouse', 'Down', 0, 80, 20, 0), ('Key', 'PageUp', None, 0, 0),
      ('Deck', 0x00ff00ff, (8, '+++\ntitle = "Edited"\n+++\n{{status}}\n')),
      ('Deck', 0xffffffff, (200, '+++\ntitle = \n+++\n')),
      ('Config', 'Text', '[hours]\nmonday = "09:00-25:00"\n'),
      ('Config', 'Fixture', 3), ('Wake',), ('Wake',), ('Jump', 3600 * 24 * 400)]),
}
out = sys.argv[1]
for name, data in seeds.items():
    open(os.path.join(out, name), 'wb').write(data)
    print(name, len(data))
