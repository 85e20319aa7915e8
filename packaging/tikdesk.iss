; Inno Setup 6.3+ script: a per-user installer for TikDesk - no administrator rights needed.
;
; Build on Windows after `python packaging\build.py` (which fills dist\TikDesk\):
;
;     "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\tikdesk.iss
;
; (or the path of a machine-wide Inno Setup).  AppVersion must be tikdesk.__version__; build.py
; prints it.  The result is dist\TikDesk-<version>-win64-setup.exe.
;
; What it does: copies dist\TikDesk\ to %LOCALAPPDATA%\Programs\TikDesk (no "portable" marker,
; so the data lives in %LOCALAPPDATA%\TikDesk), adds a Start-menu entry (and, if chosen, a
; desktop icon) for the current user only, and registers an uninstaller under HKCU that runs
; without admin rights.  Uninstalling removes the program folder but NEVER the user's data
; (%LOCALAPPDATA%\TikDesk: database, backups, logs, settings).
;
; Silent install for software distribution:  TikDesk-<version>-win64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES
; Silent uninstall:  "%LOCALAPPDATA%\Programs\TikDesk\unins000.exe" /VERYSILENT

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "TikDesk"
#define AppExe "TikDesk.exe"
#define SourceDir "..\dist\TikDesk"

[Setup]
; A fixed AppId: updates install over the previous version. Never change it.
AppId={{6B0C2E7A-4F2D-4C55-9A57-7D3E1B9C8A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TikDesk
VersionInfoVersion={#AppVersion}
; per-user: no UAC prompt, HKCU registry, {autopf} would be Program Files for admins
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-win64-setup
SetupIconFile=..\resources\icons\tikdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; TikDesk must not run while its files are replaced
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle (ignoreversion: our files carry no per-file versions).  A stray
; "portable" marker or data folder would move the user's data into the program folder: never
; install them.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "\portable,\data"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces _internal completely (no stale modules from an older version)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "TikTok-Redaktion: Ideen, Freigabe, Auswertung"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program folder may have gained at run time; the data folder stays
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
