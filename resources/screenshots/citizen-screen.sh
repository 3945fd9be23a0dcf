#!/usr/bin/env bash
# Screenshots of the citizen's screen (客户屏) for the README: gongji-desk on a two-screen Xvfb
# (the clerk's window on the first screen, the citizen's full screen on the second), driven with
# xdotool on the demo database, grabbed with ImageMagick's import and cut to the second screen.
#   bash resources/screenshots/citizen-screen.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
desk=$build/app/desk/gongji-desk
admin=$build/app/admin/gongji-admin
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

export DISPLAY=:9 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data LC_ALL=C.UTF-8
Xvfb :9 +xinerama -screen 0 1280x800x24 -screen 1 1024x768x24 >/dev/null 2>&1 &
sleep 2
"$admin" --db "$work/demo.sqlite" load-demo >/dev/null
mkdir -p "$XDG_CONFIG_HOME/gongji"
printf '[office]\nname=杭州市医疗保障服务中心\ncounter=3号窗口\n' > "$XDG_CONFIG_HOME/gongji/gongji-desk.conf"
echo demo-clerk-1 > "$work/password"
"$desk" --db "$work/demo.sqlite" --clerk demo --password-file "$work/password" &
sleep 4

shot() { # the citizen's window only (Xvfb's Xinerama puts both heads at 0,0, so Qt sees one
  # screen and the citizen's window is an ordinary one under the clerk's: raise it to grab it;
  # without a window manager the keyboard focus stays with the clerk's window)
  local citizen
  citizen=$(xdotool search --name '^客户屏' | head -1)
  xdotool windowraise "$citizen" && sleep 0.5
  import -window "$citizen" "$here/$1.png"
  echo "$here/$1.png"
}
clerk=$(xdotool search --name '^(共济受理台|Gongji Desk)$' | head -1)
xdotool windowactivate --sync "$clerk" 2>/dev/null || xdotool windowfocus "$clerk"
shot citizen-idle
xdotool type --delay 30 330102197804161317 && xdotool key Return && sleep 1
shot citizen-authorizer
xdotool key Return && sleep 1
shot citizen-commitment
xdotool key space Return && sleep 1
xdotool key Return && sleep 1
xdotool type --delay 60 fm && sleep 0.5
xdotool type --delay 150 张桂兰 # xdotool maps each character to a spare key code
xdotool key Return && xdotool type --delay 30 330105195211082269 && xdotool key Return && sleep 1
shot citizen-targets
xdotool key alt+n && sleep 1 # on to the list: the authorizer checks it and may sign
shot citizen-review
